package io.proofline.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.proofline.support.ApplicationYml;

class CryptoPropertiesTest {

    @Test
    void theDefaultsAreApplicationYmlsAndTheEnvironmentOverridesThem() {
        CryptoProperties crypto = ApplicationYml.bind("proofline.crypto", CryptoProperties.class);

        assertThat(crypto.scrypt()).as("Login.gov's cost").isEqualTo(new CryptoProperties.Scrypt(65536, 8, 1,
                new CryptoProperties.Limit(16384, 8, 1), new CryptoProperties.Limit(1 << 20, 16, 4)));
        assertThat(crypto.kms().provider()).isEqualTo("local");
        assertThat(crypto.kms().aws().region()).isEqualTo("us-east-1");
        assertThat(crypto.fingerprint().oldKeys()).isEmpty();
        assertThat(ApplicationYml.bind("proofline.crypto", CryptoProperties.class,
                Map.of("PROOFLINE_SCRYPT_N", "131072")).scrypt().n()).isEqualTo(131072);
    }
}
