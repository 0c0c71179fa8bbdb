package io.proofline.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with the JDK's provider. {@link #seal} writes the legacy format of version 1,
 * {@code 1 | nonce(12) | ciphertext+tag(16)}, with no key id and a random 96-bit nonce straight under the key:
 * what earlier releases stored, still opened by {@link Keyring}, which writes version 2 (key ids, a key per message).
 */
final class AesGcm {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    static final byte LEGACY_VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    static byte[] seal(byte[] key, byte[] plaintext, byte[] aad) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = encrypt(key, nonce, plaintext, aad);
        return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length).put(LEGACY_VERSION).put(nonce).put(ciphertext).array();
    }

    static byte[] open(byte[] key, byte[] sealed, byte[] aad) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != LEGACY_VERSION) {
            throw new DecryptionFailedException("not a sealed value", null);
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(sealed, 1 + NONCE_BYTES, sealed.length);
        return decrypt(key, nonce, ciphertext, aad);
    }

    /** Raw GCM, for the known-answer tests: returns ciphertext followed by the 16-byte tag. */
    static byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] aad) {
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    static byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertextAndTag, byte[] aad) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce);
            cipher.updateAAD(aad);
            return cipher.doFinal(ciphertextAndTag);
        } catch (AEADBadTagException e) {
            throw new DecryptionFailedException("authentication tag mismatch", null);
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException("invalid ciphertext", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }
}
