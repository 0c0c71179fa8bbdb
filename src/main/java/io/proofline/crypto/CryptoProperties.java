package io.proofline.crypto;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Key material and cost settings ({@code proofline.crypto}). Secrets are base64 of at least 32 random
 * bytes. When a secret is blank and {@code generateMissingSecrets} is on (the embedded default), one is
 * generated into {@code secretsDir} on first run; the postgres profile turns that off, so there every
 * secret must come from the environment. The defaults are in application.yml.
 */
@ConfigurationProperties("proofline.crypto")
record CryptoProperties(
        boolean generateMissingSecrets,
        Path secretsDir,
        String attributeKey,
        List<String> attributeOldKeys,
        String sessionKey,
        List<String> sessionOldKeys,
        boolean reEncryptAtStartUp,
        Fingerprint fingerprint,
        Scrypt scrypt,
        Kms kms) {

    /** HMAC keys: the current one writes, the old ones are still tried by lookups until rewritten. */
    public record Fingerprint(String currentKey, List<String> oldKeys) {
    }

    /**
     * scrypt cost for new credentials; existing credentials keep the cost they were made with, as long as it
     * lies between {@code floor} and {@code ceiling} (a stored cost outside is refused, never computed).
     */
    public record Scrypt(Integer n, Integer r, Integer p, Limit floor, Limit ceiling) {
    }

    public record Limit(Integer n, Integer r, Integer p) {
    }

    /** {@code provider}: {@code local} (a key file, the embedded default) or {@code aws} (the KMS API). */
    public record Kms(String provider, Local local, Aws aws) {
    }

    /** {@code oldKeys}: earlier master keys, still opening what they wrapped; the key (or its file) wraps. */
    public record Local(String key, Path keyFile, List<String> oldKeys, String macKey, Path macKeyFile) {
    }

    /** {@code endpoint}: blank for AWS itself, or any KMS-compatible endpoint. */
    /** {@code macKeyId}: an HMAC_256 key for {@code GenerateMac}, which every password derivation calls. */
    public record Aws(String keyId, String macKeyId, String region, URI endpoint) {
    }
}
