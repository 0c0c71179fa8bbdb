package io.proofline.crypto;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/** Resolves key material once at start-up and picks the KMS provider from configuration. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    KeyMaterial keyMaterial(CryptoProperties properties) {
        return new KeyMaterial(properties.generateMissingSecrets(), properties.secretsDir());
    }

    @Bean
    KeyManagementService keyManagementService(CryptoProperties properties, KeyMaterial keyMaterial,
            CryptoMetrics metrics) {
        CryptoProperties.Kms kms = properties.kms();
        return switch (kms.provider()) {
            case "local" -> new LocalKms(keyMaterial.ring(keyMaterial.secret(kms.local().key(), kms.local().keyFile(),
                    "PROOFLINE_KMS_LOCAL_KEY"), kms.local().oldKeys(), "PROOFLINE_KMS_LOCAL_OLD_KEYS"),
                    keyMaterial.secret(kms.local().macKey(), kms.local().macKeyFile(), "PROOFLINE_KMS_LOCAL_MAC_KEY"),
                    metrics);
            case "aws" -> new AwsKms(awsClient(kms.aws()), require(kms.aws().keyId(), "PROOFLINE_KMS_KEY_ID",
                    "a key id, ARN or alias"), require(kms.aws().macKeyId(), "PROOFLINE_KMS_MAC_KEY_ID",
                    "an HMAC_256 key's id, ARN or alias"), metrics);
            default -> throw new IllegalStateException(
                    "proofline.crypto.kms.provider must be 'local' or 'aws', not '" + kms.provider() + "'");
        };
    }

    /** Credentials come from the SDK's default chain (environment, system properties, profile, role). */
    static KmsClient awsClient(CryptoProperties.Aws aws) {
        return awsClient(aws, DefaultCredentialsProvider.builder().build());
    }

    static KmsClient awsClient(CryptoProperties.Aws aws, AwsCredentialsProvider credentials) {
        KmsClientBuilder builder = KmsClient.builder()
                .region(Region.of(aws.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (aws.endpoint() != null && !aws.endpoint().toString().isBlank()) {
            builder.endpointOverride(aws.endpoint());
        }
        return builder.build();
    }

    private static String require(String value, String environmentVariable, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The aws KMS provider needs " + environmentVariable + " (" + what + ")");
        }
        return value;
    }

    @Bean
    UserAccessKeys userAccessKeys(KeyManagementService kms, CryptoProperties properties, CryptoMetrics metrics,
            DerivationSlots slots) {
        return new UserAccessKeys(kms, scryptCost(properties), scryptBounds(properties), metrics, slots);
    }

    /** One bound for every scrypt of this node: people's passwords and personal keys, and the staff's passwords. */
    @Bean
    DerivationSlots derivationSlots(DerivationSlots.Limits limits, CryptoMetrics metrics) {
        DerivationSlots slots = new DerivationSlots(limits);
        metrics.derivationSlots(slots);
        return slots;
    }

    @Bean
    SharedKeys sharedKeys(CryptoProperties properties, KeyMaterial keyMaterial, CryptoMetrics metrics) {
        return new SharedKeys(
                keyMaterial.ring(keyMaterial.secret(properties.attributeKey(), "attribute-key", "PROOFLINE_ATTRIBUTE_KEY"),
                        properties.attributeOldKeys(), "PROOFLINE_ATTRIBUTE_OLD_KEYS"),
                keyMaterial.ring(keyMaterial.secret(properties.sessionKey(), "session-key", "PROOFLINE_SESSION_KEY"),
                        properties.sessionOldKeys(), "PROOFLINE_SESSION_OLD_KEYS"),
                scryptCost(properties), metrics);
    }

    @Bean
    StaffPasswordHashes staffPasswordHashes(CryptoProperties properties, DerivationSlots slots) {
        return new StaffPasswordHashes(scryptCost(properties), slots);
    }

    private static Scrypt.Cost scryptCost(CryptoProperties properties) {
        return new Scrypt.Cost(properties.scrypt().n(), properties.scrypt().r(), properties.scrypt().p());
    }

    static Scrypt.Bounds scryptBounds(CryptoProperties properties) {
        CryptoProperties.Limit floor = properties.scrypt().floor();
        CryptoProperties.Limit ceiling = properties.scrypt().ceiling();
        Scrypt.Bounds bounds = new Scrypt.Bounds(new Scrypt.Cost(floor.n(), floor.r(), floor.p()),
                new Scrypt.Cost(ceiling.n(), ceiling.r(), ceiling.p()));
        if (!bounds.admit(scryptCost(properties))) {
            throw new IllegalStateException("proofline.crypto.scrypt: the cost of new credentials must lie between "
                    + "its floor and its ceiling");
        }
        return bounds;
    }

    @Bean
    Fingerprints fingerprints(CryptoProperties properties, KeyMaterial keyMaterial) {
        CryptoProperties.Fingerprint fingerprint = properties.fingerprint();
        return new Fingerprints(
                keyMaterial.secret(fingerprint.currentKey(), "fingerprint-key", "PROOFLINE_FINGERPRINT_KEY"),
                KeyMaterial.decodeAll(fingerprint.oldKeys(), "PROOFLINE_FINGERPRINT_OLD_KEYS"));
    }

}
