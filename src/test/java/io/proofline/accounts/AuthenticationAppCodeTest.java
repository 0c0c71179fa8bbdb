package io.proofline.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** The app's codes are RFC 6238's: its appendix B test vectors (SHA-1 seed), cut to 6 digits as apps show them. */
class AuthenticationAppCodeTest {

    private static final SecretKeySpec RFC_SEED = new SecretKeySpec(
            "12345678901234567890".getBytes(StandardCharsets.US_ASCII), "HmacSHA1");

    @Test
    void theCodesAreThoseOfRfc6238AppendixB() {
        // T = 59 s, 1111111109 s, 1234567890 s, 2000000000 s: 94287082, 07081804, 89005924, 69279037 (8 digits)
        assertThat(SecondFactors.appCode(RFC_SEED, 59 / 30)).isEqualTo("287082");
        assertThat(SecondFactors.appCode(RFC_SEED, 1111111109L / 30)).isEqualTo("081804");
        assertThat(SecondFactors.appCode(RFC_SEED, 1234567890L / 30)).isEqualTo("005924");
        assertThat(SecondFactors.appCode(RFC_SEED, 2000000000L / 30)).isEqualTo("279037");
    }
}
