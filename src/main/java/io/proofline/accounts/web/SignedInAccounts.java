package io.proofline.accounts.web;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.SessionToken;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The browser side of a signed-in session: the session token lives only in an HttpOnly, SameSite=Lax cookie
 * (Secure behind TLS), and the account is looked up from it on every request, so signing out or the
 * session's end on the server takes effect at once.
 */
@Component
public class SignedInAccounts {

    static final String COOKIE_NAME = "proofline-session";

    private final Accounts accounts;

    SignedInAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The account whose session cookie this request carries, if the session is still valid. */
    public Optional<AccountId> of(HttpServletRequest request) {
        return token(request).flatMap(accounts::signedIn);
    }

    void start(SessionToken session, HttpServletRequest request, HttpServletResponse response) {
        write(session.value(), -1, request, response);
    }

    void end(HttpServletRequest request, HttpServletResponse response) {
        token(request).ifPresent(accounts::signOut);
        write("", 0, request, response);
    }

    private static Optional<SessionToken> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> COOKIE_NAME.equals(cookie.getName()) && !cookie.getValue().isBlank())
                .findFirst()
                .map(cookie -> new SessionToken(cookie.getValue()));
    }

    /** A session cookie (no max age) unless clearing it: closing the browser ends it on this side too. */
    private static void write(String value, int maxAgeSeconds, HttpServletRequest request,
            HttpServletResponse response) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(COOKIE_NAME, value)
                .path("/")
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax");
        if (maxAgeSeconds >= 0) {
            cookie.maxAge(maxAgeSeconds);
        }
        response.addHeader("Set-Cookie", cookie.build().toString());
    }
}
