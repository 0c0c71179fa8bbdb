package io.proofline.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The token signing keys: the postgres profile refuses to start without them, the embedded default generates one
 * into its data folder once, and after a rotation both keys are published while the new one signs.
 */
class SigningKeysTest {

    @TempDir Path data;

    @Test
    void withoutKeysAndWithoutLeaveToGenerateOneTheServiceRefusesToStart() {
        assertThatThrownBy(() -> SigningKeys.from(properties("", false)))
                .hasMessageContaining("PROOFLINE_OIDC_SIGNING_KEYS");
    }

    @Test
    void theEmbeddedDefaultGeneratesAKeyOnceAndKeepsIt() throws Exception {
        SigningKeys first = SigningKeys.from(properties("", true));
        SigningKeys again = SigningKeys.from(properties("", true));
        assertThat(again.currentKeyId()).isEqualTo(first.currentKeyId());
        assertThat(Files.readString(data.resolve("keys.json"))).contains("\"d\"");
    }

    @Test
    void afterARotationTheNewKeySignsAndTheOldOneIsStillPublished() throws Exception {
        RSAKey next = new RSAKeyGenerator(2048).keyID("2027-01").generate();
        RSAKey old = new RSAKeyGenerator(2048).keyID("2026-01").generate();
        SigningKeys keys = SigningKeys.from(properties(new JWKSet(List.of(next, old)).toString(false), false));
        assertThat(keys.currentKeyId()).isEqualTo("2027-01");
        assertThat(keys.source().get(new JWKSelector(new JWKMatcher.Builder().build()), null))
                .extracting(key -> key.getKeyID()).containsExactly("2027-01", "2026-01");
    }

    @Test
    void aShortOrPublicOnlyKeyIsRefused() throws Exception {
        RSAKey publicOnly = new RSAKeyGenerator(2048).keyID("p").generate().toPublicJWK();
        assertThatThrownBy(() -> SigningKeys.parse(new JWKSet(publicOnly).toString(false)))
                .hasMessageContaining("private RSA key");
        assertThatThrownBy(() -> SigningKeys.parse("not json")).hasMessageContaining("JWKS");
    }

    private OidcProperties properties(String keys, boolean generate) {
        return new OidcProperties("", Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofDays(365), keys,
                data.resolve("keys.json"), generate, false);
    }
}
