package io.proofline.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A 256-bit content-encryption key (CEK) and AES-256-GCM under it. Every sealed value names its context
 * (e.g. {@code profile:<id>}) as associated data, so a ciphertext moved to another row or purpose fails to
 * open. Sealed values are base64 text, which fits H2 and PostgreSQL alike.
 */
public final class ContentKey {

    private final Keyring keys;

    ContentKey(byte[] key) {
        this(List.of(key));
    }

    /** Several keys: the first (newest) seals, any of them opens (see {@link Keyring}). */
    ContentKey(List<byte[]> keys) {
        if (keys.stream().anyMatch(key -> key.length != AesGcm.KEY_BYTES)) {
            throw new IllegalArgumentException("a content key has 32 bytes");
        }
        this.keys = new Keyring(keys);
    }

    public String seal(byte[] plaintext, String context) {
        return Base64.getEncoder().encodeToString(keys.seal(plaintext, aad(context)));
    }

    /**
     * The value sealed again under the newest key, or empty when it already is (for the re-encryption that
     * lets an old key be retired).
     *
     * @throws DecryptionFailedException when it does not open under any configured key
     */
    public Optional<String> resealed(String sealed, String context) {
        if (keys.isCurrent(decode(sealed))) {
            return Optional.empty();
        }
        return Optional.of(seal(open(sealed, context), context));
    }

    /** @throws DecryptionFailedException for a wrong key, a wrong context or any changed byte */
    public byte[] open(String sealed, String context) {
        return keys.open(decode(sealed), aad(context));
    }

    private static byte[] decode(String sealed) {
        try {
            return Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new DecryptionFailedException("not base64", null);
        }
    }

    public String sealText(String plaintext, String context) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8), context);
    }

    public String openText(String sealed, String context) {
        return new String(open(sealed, context), StandardCharsets.UTF_8);
    }

    /** SHA-256 of the key: what is stored to check a password without storing anything that opens data. */
    byte[] digest() {
        return sha256(keys.newest());
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] aad(String context) {
        return context.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ContentKey[redacted]";
    }
}
