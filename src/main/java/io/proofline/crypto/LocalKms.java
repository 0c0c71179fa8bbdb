package io.proofline.crypto;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The embedded default's KMS: AES-256-GCM under a master key kept in a file of the data folder, with the
 * encryption context as associated data. Same contract as AWS KMS, so the code above it does not change.
 * Master keys rotate as the shared keys do: each wrapped value names its key id, the old keys still unwrap.
 */
final class LocalKms implements KeyManagementService {

    private static final byte[] MAC_LABEL = "proofline-local-kms-mac-v1".getBytes(StandardCharsets.US_ASCII);

    private final Keyring masterKeys;
    private final byte[] macKey;
    private final CryptoMetrics metrics;

    LocalKms(byte[] masterKey, byte[] macKey, CryptoMetrics metrics) {
        this(List.of(masterKey), macKey, metrics);
    }

    /**
     * @param masterKeys the current master key first (it wraps), then old ones (they still unwrap)
     * @param macKey     the MAC key, a secret of its own: it is not rotated with the master key, since every
     *                   password credential depends on it (as an AWS KMS HMAC key, which cannot rotate either)
     */
    LocalKms(List<byte[]> masterKeys, byte[] macKey, CryptoMetrics metrics) {
        this.masterKeys = new Keyring(masterKeys);
        this.macKey = macKey.clone();
        this.metrics = metrics;
    }

    @Override
    public byte[] mac(byte[] message) {
        metrics.kmsCall("local", "generate-mac");
        return Keyring.hmac(macKey, MAC_LABEL, message);
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
