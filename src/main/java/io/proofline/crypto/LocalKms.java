package io.proofline.crypto;

import java.util.Map;

/**
 * The embedded default's KMS: AES-256-GCM under a master key kept in a file of the data folder, with the
 * encryption context as associated data. Same contract as AWS KMS, so the code above it does not change.
 */
final class LocalKms implements KeyManagementService {

    private final byte[] masterKey;
    private final CryptoMetrics metrics;

    LocalKms(byte[] masterKey, CryptoMetrics metrics) {
        this.masterKey = masterKey.clone();
        this.metrics = metrics;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, Map<String, String> context) {
        metrics.kmsCall("local", "encrypt");
        return AesGcm.seal(masterKey, plaintext, EncryptionContexts.canonical(context));
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, Map<String, String> context) {
        metrics.kmsCall("local", "decrypt");
        return AesGcm.open(masterKey, ciphertext, EncryptionContexts.canonical(context));
    }
}
