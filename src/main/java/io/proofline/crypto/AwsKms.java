package io.proofline.crypto;

import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.GenerateMacRequest;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;

/** AWS KMS (or any endpoint that speaks its JSON API) through the AWS SDK v2. */
final class AwsKms implements KeyManagementService {

    private final KmsClient client;
    private final String keyId;
    private final String macKeyId;
    private final CryptoMetrics metrics;

    /** @param macKeyId an HMAC_256 key (key spec HMAC_256, usage GENERATE_VERIFY_MAC) */
    AwsKms(KmsClient client, String keyId, String macKeyId, CryptoMetrics metrics) {
        this.client = client;
        this.keyId = keyId;
        this.macKeyId = macKeyId;
        this.metrics = metrics;
    }

    @Override
    public byte[] mac(byte[] message) {
        metrics.kmsCall("aws", "generate-mac");
        return client.generateMac(GenerateMacRequest.builder().keyId(macKeyId).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                .message(SdkBytes.fromByteArray(message)).build()).mac().asByteArray();
    }

    @Override
    public byte[] encrypt(byte[] plaintext, Map<String, String> context) {
        metrics.kmsCall("aws", "encrypt");
        return client.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(SdkBytes.fromByteArray(plaintext))
                .encryptionContext(context).build()).ciphertextBlob().asByteArray();
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, Map<String, String> context) {
        metrics.kmsCall("aws", "decrypt");
        try {
            // Naming the key makes KMS refuse a ciphertext made under any other key.
            return client.decrypt(DecryptRequest.builder().keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                    .encryptionContext(context).build()).plaintext().asByteArray();
        } catch (InvalidCiphertextException e) {
            throw new DecryptionFailedException("KMS refused the ciphertext or its context", null);
        }
    }
}
