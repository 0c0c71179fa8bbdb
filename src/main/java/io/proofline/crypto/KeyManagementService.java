package io.proofline.crypto;

import java.util.Map;

/**
 * A KMS: wraps and unwraps small secrets under a master key that never leaves it. The encryption context
 * is authenticated but not stored in the ciphertext: decryption must present the same one, which binds a
 * ciphertext to its user and its purpose.
 */
interface KeyManagementService {

    byte[] encrypt(byte[] plaintext, Map<String, String> context);

    /** @throws DecryptionFailedException when the ciphertext or the context does not match */
    byte[] decrypt(byte[] ciphertext, Map<String, String> context);

    /**
     * HMAC-SHA256 of the message under a MAC key that never leaves the KMS (AWS KMS {@code GenerateMac} with an
     * HMAC_256 key): what makes every password derivation need the live KMS (see {@link UserAccessKeys}).
     */
    byte[] mac(byte[] message);
}
