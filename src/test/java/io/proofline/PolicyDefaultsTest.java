package io.proofline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import io.proofline.accounts.AccountsProperties;
import io.proofline.crypto.CryptoProperties;
import io.proofline.proofing.ProofingPolicy;
import io.proofline.vault.VaultProperties;

/**
 * The policy numbers' defaults live in application.yml alone (the properties classes have none), and the
 * environment still overrides them: by the variable the yml names, or by relaxed binding of the key itself.
 */
class PolicyDefaultsTest {

    @Test
    void theDefaultsComeFromApplicationYml() throws IOException {
        Binder yml = binderWith(Map.of());

        assertThat(yml.bindOrCreate("proofline.accounts", AccountsProperties.class))
                .isEqualTo(new AccountsProperties(Duration.ofMinutes(15), 12));
        assertThat(yml.bindOrCreate("proofline.vault", VaultProperties.class))
                .isEqualTo(new VaultProperties("memory", Duration.ofMinutes(60), "proofline:vault:",
                        Duration.ofMinutes(15)));
        CryptoProperties crypto = yml.bindOrCreate("proofline.crypto", CryptoProperties.class);
        assertThat(crypto.scrypt()).isEqualTo(new CryptoProperties.Scrypt(65536, 8, 1));
        assertThat(crypto.kms().provider()).isEqualTo("local");
        assertThat(crypto.kms().aws().region()).isEqualTo("us-east-1");
        assertThat(crypto.fingerprint().oldKeys()).isEmpty();
        ProofingPolicy policy = yml.bindOrCreate("proofline.policy", ProofingPolicy.class);
        assertThat(policy.getInPersonPollInterval()).isEqualTo("PT30M");
        assertThat(policy.getVendorRetryCycle()).isEqualTo("R3/PT5M");
    }

    @Test
    void theEnvironmentOverridesThemByTheYmlsVariableOrByRelaxedBinding() throws IOException {
        Binder overridden = binderWith(Map.of("PROOFLINE_SESSION_TTL", "PT30M",
                "PROOFLINE_ACCOUNTS_MINPASSWORDLENGTH", "16", "PROOFLINE_VENDOR_RETRY_CYCLE", "R5/PT1M",
                "PROOFLINE_SCRYPT_N", "131072"));

        assertThat(overridden.bindOrCreate("proofline.accounts", AccountsProperties.class))
                .isEqualTo(new AccountsProperties(Duration.ofMinutes(30), 16));
        assertThat(overridden.bindOrCreate("proofline.policy", ProofingPolicy.class).getVendorRetryCycle())
                .isEqualTo("R5/PT1M");
        assertThat(overridden.bindOrCreate("proofline.crypto", CryptoProperties.class).scrypt().n()).isEqualTo(131072);
    }

    /** application.yml as Boot reads it, with these environment variables and no others. */
    private static Binder binderWith(Map<String, Object> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        String systemEnvironment = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        environment.getPropertySources().replace(systemEnvironment,
                new SystemEnvironmentPropertySource(systemEnvironment, variables));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment);
    }
}
