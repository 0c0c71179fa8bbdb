package io.proofline.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 fingerprints of normalized values, so an encrypted value can still be found (an email) or
 * compared (an SSN across accounts) without storing it. Keys rotate: new fingerprints use the current key;
 * lookups try the current key, then the old ones, and the caller rewrites what it found under an old key.
 */
public class Fingerprints {

    private final byte[] currentKey;
    private final List<byte[]> oldKeys;

    Fingerprints(byte[] currentKey, List<byte[]> oldKeys) {
        this.currentKey = currentKey.clone();
        this.oldKeys = List.copyOf(oldKeys);
    }

    /** What to store, and what to look for: {@code candidates} starts with {@code current}. */
    public record Lookup(String current, List<String> candidates) {
        /** Whether a stored fingerprint was made with an old key and should be rewritten as {@link #current}. */
        public boolean isStale(String stored) {
            return !current.equals(stored);
        }
    }

    public Lookup email(String email) {
        return lookup("email", normalizeEmail(email));
    }

    public Lookup ssn(String ssn) {
        return lookup("ssn", normalizeSsn(ssn));
    }

    /**
     * A client's network address (what the servlet container gives as the remote address: a trusted proxy's
     * X-Forwarded-For where one is configured), so a throttle can count per client without keeping the address.
     */
    public Lookup client(String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("A client address is needed");
        }
        return lookup("client", address.strip().toLowerCase(Locale.ROOT));
    }

    /** A one-time or letter code (Crockford base32, as typed): only its fingerprint is kept. */
    public Lookup code(String kind, String code) {
        return lookup("code:" + kind, PersonalKeys.normalize(code));
    }

    /**
     * A secret code made from {@code seed} (Crockford base32, {@code length} characters, at most 51), the same for
     * the same seed under the current key: a retried send under the same idempotency key prints the same code
     * without the code ever being stored. Unpredictable without the key; its fingerprint ({@link #code}) is what is
     * kept.
     */
    public String derivedCode(String kind, String seed, int length) {
        if (length < 1 || length > 51) {
            throw new IllegalArgumentException("A derived code has 1 to 51 characters");
        }
        byte[] bytes = HexFormat.of().parseHex(hmac(currentKey, "derived-code:" + kind, seed));
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) { // 5 bits each, from the 256 of the HMAC
            int bit = i * 5;
            int window = ((bytes[bit / 8] & 0xff) << 8) | (bit / 8 + 1 < bytes.length ? bytes[bit / 8 + 1] & 0xff : 0);
            code.append(PersonalKeys.ALPHABET.charAt((window >> (11 - bit % 8)) & 31));
        }
        return code.toString();
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Digits only, so "900-12-3456" and "900123456" are one SSN. */
    static String normalizeSsn(String ssn) {
        return ssn.replaceAll("[^0-9]", "");
    }

    private Lookup lookup(String kind, String normalized) {
        List<String> candidates = new ArrayList<>();
        String current = hmac(currentKey, kind, normalized);
        candidates.add(current);
        for (byte[] old : oldKeys) {
            candidates.add(hmac(old, kind, normalized));
        }
        return new Lookup(current, List.copyOf(candidates));
    }

    /** The kind is part of the message, so an email and an SSN never share a fingerprint. */
    static String hmac(byte[] key, String kind, String normalized) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((kind + ":" + normalized).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
