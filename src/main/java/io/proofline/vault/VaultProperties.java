package io.proofline.vault;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param store     {@code memory} (embedded default) or {@code redis} (postgres profile)
 * @param ttl       how long an entry lives after its last write
 * @param keyPrefix prefix of the Redis keys
 * @param attachmentTtl how long images, a certificate chain or a code digest may wait for their check
 */
@ConfigurationProperties("proofline.vault")
record VaultProperties(@DefaultValue("memory") String store, @DefaultValue("PT60M") Duration ttl,
        @DefaultValue("proofline:vault:") String keyPrefix, @DefaultValue("PT15M") Duration attachmentTtl) {
}
