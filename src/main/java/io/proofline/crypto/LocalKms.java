package io.proofline.crypto;

import java.util.List;
import java.util.Map;

/**
 * The embedded default's KMS: AES-256-GCM under a master key kept in a file of the data folder, with the
 * encryption context as associated data. Same contract as AWS KMS, so the code above it does not change.
 * Master keys rotate as the shared keys do: each wrapped value names its key id, the old keys still unwrap.
 */
final class LocalKms implements KeyManagementService {

    private final Keyring masterKeys;
    private final CryptoMetrics metrics;

    LocalKms(byte[] masterKey, CryptoMetrics metrics) {
        this(List.of(masterKey), metrics);
    }

    /** @param masterKeys the current master key first (it wraps), then old ones (they still unwrap) */
    LocalKms(List<byte[]> masterKeys, CryptoMetrics metrics) {
        this.masterKeys = new Keyring(masterKeys);
        this.metrics = metrics;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, Map<String, String> context) {
        metrics.kmsCall("local", "encrypt");
        return masterKeys.seal(plaintext, EncryptionContexts.canonical(context));
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, Map<String, String> context) {
        metrics.kmsCall("local", "decrypt");
        return masterKeys.open(ciphertext, EncryptionContexts.canonical(context));
    }
}
