package io.proofline.sharing;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code proofline.sharing.oidc}: the OpenID Connect provider partner agencies use.
 *
 * @param issuer                 the issuer agencies are told (discovery, the tokens' {@code iss}); our public address
 * @param accessTokenLifetime    an access token's life, and the longest the released attributes stay in the vault
 * @param authorizationCodeLifetime an authorization code's
 * @param consentValidity        a consent's (Login.gov: a year), after which the person is asked again
 * @param signingKeys            the token signing keys, a JWKS document with private RSA keys: the first signs, the
 *                               others are only published (a rotation's old key, until its tokens expired)
 * @param signingKeysFile        where the embedded default generates its key when {@code signingKeys} is blank
 * @param generateMissingSigningKeys whether it may (the postgres profile refuses to start without keys)
 * @param sampleAgency           the embedded default's sample agency at {@code /sample-agency}
 */
@ConfigurationProperties("proofline.sharing.oidc")
record OidcProperties(String issuer, Duration accessTokenLifetime, Duration authorizationCodeLifetime,
        Duration consentValidity, String signingKeys, Path signingKeysFile,
        boolean generateMissingSigningKeys, boolean sampleAgency) {
}
