package io.proofline.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A personal key as issued: 16 Crockford base32 characters (80 bits). Shown once as
 * {@code XXXX-XXXX-XXXX-XXXX}; never stored, never printed by {@link #toString()}.
 */
public final class PersonalKey {

    private final String normalized;

    PersonalKey(String normalized) {
        this.normalized = normalized;
    }

    /** For display, once: four groups of four. */
    public String formatted() {
        return String.join("-", normalized.substring(0, 4), normalized.substring(4, 8), normalized.substring(8, 12),
                normalized.substring(12, 16));
    }

    /** The secret to derive keys from: the canonical form that typed input normalizes to. */
    public String secret() {
        return normalized;
    }

    /** Whether what the user typed back is this key (after normalization), in constant time. */
    public boolean matches(String typed) {
        return MessageDigest.isEqual(normalized.getBytes(StandardCharsets.US_ASCII),
                PersonalKeys.normalize(typed).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "PersonalKey[redacted]";
    }
}
