package io.proofline.proofing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.proofline.support.ApplicationYml;

class ProofingPolicyTest {

    @Test
    void theDefaultsAreTheSeedsInApplicationYmlAndTheEnvironmentOverridesThem() {
        ProofingPolicy policy = ApplicationYml.bind("proofline.policy", ProofingPolicy.class);

        assertThat(policy.getInPersonPollInterval()).isEqualTo("PT30M");
        assertThat(policy.getVendorRetryCycle()).isEqualTo("R3/PT5M");
        assertThat(ApplicationYml.bind("proofline.policy", ProofingPolicy.class,
                Map.of("PROOFLINE_VENDOR_RETRY_CYCLE", "R5/PT1M")).getVendorRetryCycle()).isEqualTo("R5/PT1M");
    }
}
