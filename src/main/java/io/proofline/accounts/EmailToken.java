package io.proofline.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** The secret of a link sent by email (256 random bits). Only its digest is stored; toString hides it. */
record EmailToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    static EmailToken random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new EmailToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Whether a value from a request could be a token at all (anything else is refused before any lookup). */
    static boolean wellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    String digest() {
        return SessionToken.sha256(value);
    }

    @Override
    public String toString() {
        return "EmailToken[redacted]";
    }
}
