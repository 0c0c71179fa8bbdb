package io.proofline.accounts.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import io.proofline.crypto.PersonalKeys;
import io.proofline.crypto.SessionEncryptor;
import io.proofline.journey.JourneyId;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The personal key between its two pages: shown once after the profile is sealed, then typed back. Until then it
 * lives only in a cookie sealed with the session key for this journey, never in the engine or the vault, and only
 * the wizard's own paths receive it.
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

    void write(HttpServletRequest request, HttpServletResponse response, JourneyId journey, String secret) {
        set(request, response, sealer.encrypt(secret.getBytes(StandardCharsets.US_ASCII), context(journey)), 3600);
    }

    void clear(HttpServletRequest request, HttpServletResponse response) {
        set(request, response, "", 0);
    }

    /** Whether the typed key is the issued one, however it was grouped or spelled. */
    static boolean sameKey(String issued, String typed) {
        return MessageDigest.isEqual(issued.getBytes(StandardCharsets.US_ASCII),
                PersonalKeys.normalize(typed).getBytes(StandardCharsets.US_ASCII));
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
