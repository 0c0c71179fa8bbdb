package io.proofline.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.proofline.support.ApplicationYml;

class VaultPropertiesTest {

    @Test
    void theDefaultsAreApplicationYmlsAndTheEnvironmentOverridesThem() {
        assertThat(ApplicationYml.bind("proofline.vault", VaultProperties.class)).isEqualTo(
                new VaultProperties("memory", Duration.ofMinutes(60), "proofline:vault:", Duration.ofMinutes(15)));
        assertThat(ApplicationYml.bind("proofline.vault", VaultProperties.class, Map.of("PROOFLINE_VAULT_TTL", "PT30M"))
                .ttl()).isEqualTo(Duration.ofMinutes(30));
    }
}
