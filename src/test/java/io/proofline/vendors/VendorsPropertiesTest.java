package io.proofline.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.proofline.support.ApplicationYml;

class VendorsPropertiesTest {

    @Test
    void theDefaultsAreApplicationYmlsAndTheEnvironmentOverridesThem() {
        assertThat(ApplicationYml.bind("proofline.vendors", VendorsProperties.class))
                .as("the embedded stubs, and switches on every node within 5 s")
                .isEqualTo(new VendorsProperties("", Duration.ofSeconds(5)));
        assertThat(ApplicationYml.bind("proofline.vendors", VendorsProperties.class,
                Map.of("PROOFLINE_VENDOR_STATUS_CACHE", "PT1S")).statusCache()).isEqualTo(Duration.ofSeconds(1));
    }
}
