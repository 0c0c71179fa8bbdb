package io.proofline.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestDataValueProcessor;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Protection against cross-site form posts: a random token in an HttpOnly cookie, and the same token in
 * every form Thymeleaf renders (as a hidden field, through {@link RequestDataValueProcessor}). A post whose
 * field does not match its cookie is refused before any handler runs: another site can make a browser
 * post, but cannot read the cookie to forge the field. SameSite cookies alone leave top-level posts from
 * other sites and older browsers open.
 */
class FormTokens implements RequestDataValueProcessor, HandlerInterceptor {

    static final String COOKIE = "proofline-form";
    static final String FIELD = "_formToken";
    private static final String ATTRIBUTE = FormTokens.class.getName();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        Cookie cookie = WebUtils.getCookie(request, COOKIE);
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // Rendering the error page of a refused (or any) request: show it, with the sign-out form working.
            if (cookie != null) {
                request.setAttribute(ATTRIBUTE, cookie.getValue());
            }
            return true;
        }
        if (SAFE_METHODS.contains(request.getMethod())) {
            String token = cookie != null ? cookie.getValue() : issue(request, response);
            request.setAttribute(ATTRIBUTE, token);
            return true;
        }
        String sent = request.getParameter(FIELD);
        if (cookie != null && sent != null && MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII))) {
            request.setAttribute(ATTRIBUTE, cookie.getValue());
            return true;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
        return false;
    }

    private static String issue(HttpServletRequest request, HttpServletResponse response) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, token).path("/").httpOnly(true)
                .secure(request.isSecure()).sameSite("Lax").build().toString());
        return token;
    }

    @Override
    public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
        Object token = request.getAttribute(ATTRIBUTE);
        return token == null ? Map.of() : Map.of(FIELD, token.toString());
    }

    @Override
    public String processAction(HttpServletRequest request, String action, String httpMethod) {
        return action;
    }

    @Override
    public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
        return value;
    }

    @Override
    public String processUrl(HttpServletRequest request, String url) {
        return url;
    }
}
