package io.proofline.crypto;

import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/** AWS KMS (or any endpoint that speaks its JSON API) through the AWS SDK v2. */
final class AwsKms implements KeyManagementService {

    private final KmsClient client;
    private final String keyId;
    private final CryptoMetrics metrics;

    AwsKms(KmsClient client, String keyId, CryptoMetrics metrics) {
        this.client = client;
        this.keyId = keyId;
        this.metrics = metrics;
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
