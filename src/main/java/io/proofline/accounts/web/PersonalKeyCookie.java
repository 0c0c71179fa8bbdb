package io.proofline.accounts.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import io.proofline.crypto.SessionEncryptor;
import io.proofline.journey.JourneyId;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The personal key between the page that issues it and the page that shows it: it lives only in a cookie sealed with
 * the session key for this journey, never in the engine or the vault, only the wizard's own paths receive it, and the
 * page that shows it clears it (shown once). Typing it back is checked against the profile, not against this cookie.
 */
@Component
class PersonalKeyCookie {

    static final String NAME = "proofline-personal-key";

    private final SessionEncryptor sealer;

    PersonalKeyCookie(SessionEncryptor sealer) {
        this.sealer = sealer;
    }

    /** The key issued to this journey, if this browser holds it. */
    Optional<String> read(HttpServletRequest request, JourneyId journey) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(cookie -> NAME.equals(cookie.getName()) && !cookie.getValue().isBlank())
                .findFirst().flatMap(cookie -> open(cookie.getValue(), journey));
    }

    /** Long enough for the redirect to the page that shows it; that page clears it. */
    static final int MAX_AGE_SECONDS = 600;

    void write(HttpServletRequest request, HttpServletResponse response, JourneyId journey, String secret) {
        set(request, response, sealer.encrypt(secret.getBytes(StandardCharsets.US_ASCII), context(journey)),
                MAX_AGE_SECONDS);
    }

    void clear(HttpServletRequest request, HttpServletResponse response) {
        set(request, response, "", 0);
    }

    /** As the page shows it: four groups of four. */
    static String formatted(String secret) {
        return String.join("-", secret.substring(0, 4), secret.substring(4, 8), secret.substring(8, 12),
                secret.substring(12, 16));
    }

    private Optional<String> open(String sealed, JourneyId journey) {
        try {
            return Optional.of(new String(sealer.decrypt(sealed, context(journey)), StandardCharsets.US_ASCII));
        } catch (RuntimeException sealedForAnotherJourney) {
            return Optional.empty();
        }
    }

    private static void set(HttpServletRequest request, HttpServletResponse response, String value, int maxAge) {
        ResponseCookie cookie = ResponseCookie.from(NAME, value).path("/verify").httpOnly(true)
                .secure(request.isSecure()).sameSite("Strict").maxAge(maxAge).build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    private static String context(JourneyId journey) {
        return "personal-key:" + journey;
    }
}
