package io.proofline.accounts.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.ResponseCookie;

import io.proofline.accounts.RememberedBrowsers;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The "Remember this browser" cookie: a random token whose SHA-256 alone is stored ({@link RememberedBrowsers}).
 * HttpOnly, Secure when the site is, SameSite=Lax, path /, for as long as the token counts.
 */
final class RememberedBrowserCookie {

    static final String NAME = "proofline-remembered-browser";

    private RememberedBrowserCookie() {
    }

    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(cookie -> NAME.equals(cookie.getName()) && !cookie.getValue().isBlank())
                .map(Cookie::getValue).findFirst();
    }

    static void write(HttpServletRequest request, HttpServletResponse response, RememberedBrowsers.Token token) {
        set(request, response, token.value(), token.validity());
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        set(request, response, "", Duration.ZERO);
    }

    private static void set(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(NAME, value).path("/").httpOnly(true).secure(request.isSecure())
                .sameSite("Lax").maxAge(maxAge).build();
        response.addHeader("Set-Cookie", cookie.toString());
    }
}
