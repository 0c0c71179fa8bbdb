package io.proofline.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A 256-bit content-encryption key (CEK) and AES-256-GCM under it. Every sealed value names its context
 * (e.g. {@code profile:<id>}) as associated data, so a ciphertext moved to another row or purpose fails to
 * open. Sealed values are base64 text, which fits H2 and PostgreSQL alike.
 */
public final class ContentKey {

    private final byte[] key;

    ContentKey(byte[] key) {
        if (key.length != AesGcm.KEY_BYTES) {
            throw new IllegalArgumentException("a content key has 32 bytes");
        }
        this.key = key.clone();
    }

    public String seal(byte[] plaintext, String context) {
        return Base64.getEncoder().encodeToString(AesGcm.seal(key, plaintext, aad(context)));
    }

    /** @throws DecryptionFailedException for a wrong key, a wrong context or any changed byte */
    public byte[] open(String sealed, String context) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new DecryptionFailedException("not base64", null);
        }
        return AesGcm.open(key, bytes, aad(context));
    }

    public String sealText(String plaintext, String context) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8), context);
    }

    public String openText(String sealed, String context) {
        return new String(open(sealed, context), StandardCharsets.UTF_8);
    }

    /** SHA-256 of the key: what is stored to check a password without storing anything that opens data. */
    byte[] digest() {
        return sha256(key);
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
