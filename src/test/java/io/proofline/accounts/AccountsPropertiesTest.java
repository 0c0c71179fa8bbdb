package io.proofline.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.proofline.support.ApplicationYml;

class AccountsPropertiesTest {

    @Test
    void theDefaultsAreApplicationYmlsAndTheEnvironmentOverridesThem() {
        assertThat(ApplicationYml.bind("proofline.accounts", AccountsProperties.class))
                .isEqualTo(new AccountsProperties(Duration.ofMinutes(15), 12, Duration.ofHours(24), Duration.ofDays(30)));
        assertThat(ApplicationYml.bind("proofline.accounts", AccountsProperties.class,
                Map.of("PROOFLINE_SESSION_TTL", "PT30M", "PROOFLINE_ACCOUNTS_MINPASSWORDLENGTH", "16")))
                .as("the yml's variable, and relaxed binding")
                .isEqualTo(new AccountsProperties(Duration.ofMinutes(30), 16, Duration.ofHours(24), Duration.ofDays(30)));
        assertThat(ApplicationYml.bind("proofline.accounts", AccountsProperties.class,
                Map.of("PROOFLINE_REMEMBER_BROWSER", "P7D")).rememberBrowser())
                .as("remember this browser: Login.gov's 30 days unless the environment says otherwise")
                .isEqualTo(Duration.ofDays(7));
    }
}
