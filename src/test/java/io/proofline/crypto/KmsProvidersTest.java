package io.proofline.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Both KMS providers keep the same contract: what one encrypts under a context only that context decrypts,
 * and a changed ciphertext byte is refused. The AWS provider runs the real SDK against a fake KMS endpoint.
 */
class KmsProvidersTest {

    private static final Map<String, String> CONTEXT = Map.of("purpose", "user-access-key/password",
            "account", "5b0ed1a4-9a0c-4d5c-8e4f-1f7d6c1c2a10");
    private static final byte[] SECRET = "thirty-two bytes of key material".getBytes(StandardCharsets.US_ASCII);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CryptoMetrics metrics = new CryptoMetrics(registry);
    private FakeKmsServer fake;

    @BeforeEach
    void startFake() throws Exception {
        fake = new FakeKmsServer();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void awsProviderRoundTripsThroughTheSdkWithSignedRequests() {
        KeyManagementService kms = awsKms();

        byte[] wrapped = kms.encrypt(SECRET, CONTEXT);

        assertThat(wrapped).isNotEqualTo(SECRET);
        assertThat(kms.decrypt(wrapped, CONTEXT)).isEqualTo(SECRET);
        assertThat(fake.targets).containsExactly("TrentService.Encrypt", "TrentService.Decrypt");
        assertThat(fake.authorizations).allSatisfy(header -> assertThat(header).startsWith("AWS4-HMAC-SHA256 Credential=test-access/"));
        assertThat(registry.get(CryptoMetrics.KMS_CALLS).tag("provider", "aws").counters()).hasSize(2);
    }

    @Test
    void bothProvidersMacWithAKeyThatNeverLeavesThem() {
        KeyManagementService aws = awsKms();
        KeyManagementService local = new LocalKms(new byte[32], key(7), metrics);

        assertThat(aws.mac(SECRET)).hasSize(32).isEqualTo(aws.mac(SECRET)).isNotEqualTo(aws.mac(new byte[] {1}));
        assertThat(fake.targets).containsOnly("TrentService.GenerateMac");
        assertThat(local.mac(SECRET)).hasSize(32).isEqualTo(new LocalKms(key(9), key(7), metrics).mac(SECRET))
                .as("another MAC key, another MAC").isNotEqualTo(new LocalKms(new byte[32], key(8), metrics).mac(SECRET));
        assertThat(registry.get(CryptoMetrics.KMS_CALLS).tag("operation", "generate-mac").counters()).hasSize(2);
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return key;
    }

    @Test
    void awsProviderRefusesAnotherContextOrAChangedCiphertext() {
        KeyManagementService kms = awsKms();
        byte[] wrapped = kms.encrypt(SECRET, CONTEXT);

        assertThatThrownBy(() -> kms.decrypt(wrapped, Map.of("purpose", "user-access-key/password",
                "account", "00000000-0000-0000-0000-000000000000"))).isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> kms.decrypt(wrapped, Map.of("purpose", "user-access-key/personal-key",
                "account", CONTEXT.get("account")))).isInstanceOf(DecryptionFailedException.class);
        byte[] tampered = wrapped.clone();
        tampered[tampered.length - 5] ^= 0x01;
        assertThatThrownBy(() -> kms.decrypt(tampered, CONTEXT)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void localProviderRefusesAnotherContextOrAnyChangedByte() {
        KeyManagementService kms = new LocalKms(new byte[32], new byte[32], metrics);
        byte[] wrapped = kms.encrypt(SECRET, CONTEXT);

        assertThat(kms.decrypt(wrapped, CONTEXT)).isEqualTo(SECRET);
        assertThatThrownBy(() -> kms.decrypt(wrapped, Map.of("purpose", "user-access-key/password")))
                .isInstanceOf(DecryptionFailedException.class);
        for (int i = 0; i < wrapped.length; i++) {
            byte[] tampered = wrapped.clone();
            tampered[i] ^= 0x40;
            assertThatThrownBy(() -> kms.decrypt(tampered, CONTEXT)).as("byte %d", i)
                    .isInstanceOf(DecryptionFailedException.class);
        }
    }

    @Test
    void theProviderIsChosenByConfiguration(@TempDir Path dataDir) {
        String previousId = System.getProperty("aws.accessKeyId");
        String previousSecret = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.accessKeyId", "test-access");
        System.setProperty("aws.secretAccessKey", "test-secret");
        try {
            KeyManagementService aws = new CryptoConfiguration().keyManagementService(
                    properties("aws", dataDir), new KeyMaterial(false, dataDir), metrics);
            KeyManagementService local = new CryptoConfiguration().keyManagementService(
                    properties("local", dataDir), new KeyMaterial(true, dataDir), metrics);

            assertThat(aws).isInstanceOf(AwsKms.class);
            assertThat(aws.decrypt(aws.encrypt(SECRET, CONTEXT), CONTEXT)).isEqualTo(SECRET);
            assertThat(local).isInstanceOf(LocalKms.class);
            assertThat(dataDir.resolve("kms-local-key")).exists();
            assertThat(dataDir.resolve("kms-local-mac-key")).as("the MAC key, a secret of its own").exists();
            assertThat(aws.mac(SECRET)).isEqualTo(aws.mac(SECRET)).isNotEqualTo(local.mac(SECRET));
            assertThatThrownBy(() -> new CryptoConfiguration().keyManagementService(properties("vault", dataDir),
                    new KeyMaterial(true, dataDir), metrics)).hasMessageContaining("'local' or 'aws'");
        } finally {
            restore("aws.accessKeyId", previousId);
            restore("aws.secretAccessKey", previousSecret);
        }
    }

    @Test
    void withoutGeneratedSecretsNeitherProviderStartsWithoutItsMacKey(@TempDir Path dataDir) {
        CryptoProperties.Kms local = new CryptoProperties.Kms("local", new CryptoProperties.Local("zYvhXEMgQ0jaNY/9Ma6UMvt4xws+UmTSUO37j6ew+NA=",
                dataDir.resolve("kms-local-key"), null, null, dataDir.resolve("kms-local-mac-key")), null);
        CryptoProperties.Kms aws = new CryptoProperties.Kms("aws", null,
                new CryptoProperties.Aws(FakeKmsServer.KEY_ID, "", "us-east-1", fake.endpoint()));

        assertThatThrownBy(() -> new CryptoConfiguration().keyManagementService(withKms(local, dataDir),
                new KeyMaterial(false, dataDir), metrics)).hasMessageContaining("PROOFLINE_KMS_LOCAL_MAC_KEY");
        assertThatThrownBy(() -> new CryptoConfiguration().keyManagementService(withKms(aws, dataDir),
                new KeyMaterial(false, dataDir), metrics)).hasMessageContaining("PROOFLINE_KMS_MAC_KEY_ID");
    }

    private static CryptoProperties withKms(CryptoProperties.Kms kms, Path dataDir) {
        return new CryptoProperties(false, dataDir, null, null, null, null, false, null, null, kms);
    }

    private CryptoProperties properties(String provider, Path dataDir) {
        return new CryptoProperties(true, dataDir, null, null, null, null, false, null, new CryptoProperties.Scrypt(1024, 8, 1, null, null),
                new CryptoProperties.Kms(provider, new CryptoProperties.Local(null, dataDir.resolve("kms-local-key"), null,
                        null, dataDir.resolve("kms-local-mac-key")),
                        new CryptoProperties.Aws(FakeKmsServer.KEY_ID, FakeKmsServer.MAC_KEY_ID, "us-east-1", fake.endpoint())));
    }

    private KeyManagementService awsKms() {
        return new AwsKms(CryptoConfiguration.awsClient(
                new CryptoProperties.Aws(FakeKmsServer.KEY_ID, FakeKmsServer.MAC_KEY_ID, "us-east-1", fake.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test-access", "test-secret"))),
                FakeKmsServer.KEY_ID, FakeKmsServer.MAC_KEY_ID, metrics);
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }
}
