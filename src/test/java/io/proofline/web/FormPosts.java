package io.proofline.web;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.http.Cookie;

/** For MockMvc posts: the form token a rendered page would carry, and its cookie. */
public final class FormPosts {

    private FormPosts() {
    }

    public static RequestPostProcessor withFormToken() {
        return request -> {
            String token = "test-form-token";
            Cookie[] existing = request.getCookies() == null ? new Cookie[0] : request.getCookies();
            Cookie[] cookies = java.util.Arrays.copyOf(existing, existing.length + 1);
            cookies[existing.length] = new Cookie(FormTokens.COOKIE, token);
            request.setCookies(cookies);
            request.addParameter(FormTokens.FIELD, token);
            return request;
        };
    }
}
