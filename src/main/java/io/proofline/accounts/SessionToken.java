package io.proofline.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** A signed-in session's bearer token (256 random bits). Only its digest is stored; toString hides it. */
public record SessionToken(String value) implements java.io.Serializable {

    private static final SecureRandom RANDOM = new SecureRandom();

    static SessionToken random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    String digest() {
        return sha256(value);
    }

    /** What is stored of a bearer secret of 256 random bits: no salt or stretching is needed to keep it unguessable. */
    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SessionToken[redacted]";
    }
}
