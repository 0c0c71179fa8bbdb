package io.proofline.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.proofline.support.ApplicationYml;

class SharingPropertiesTest {

    @Test
    void theDefaultsAreApplicationYmlsAndTheEnvironmentOverridesThem() {
        assertThat(ApplicationYml.bind("proofline.sharing", SharingProperties.class)).isEqualTo(new SharingProperties(
                "partner-agency", List.of("name", "birthdate", "address", "phone", "ssn", "verified_at")));
        assertThat(ApplicationYml.bind("proofline.sharing", SharingProperties.class,
                Map.of("PROOFLINE_SHARING_AGENCY", "state-benefits",
                        "PROOFLINE_SHARING_ATTRIBUTES", "name,verified_at")))
                .isEqualTo(new SharingProperties("state-benefits", List.of("name", "verified_at")));
    }
}
