package io.proofline.sharing;

import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Checks an agency's {@code private_key_jwt} client assertion against its registered keys: a JWKS document kept with
 * the registration, or its {@code jwks_uri}. RS256 only; {@code iss} and {@code sub} the client id, {@code aud} our
 * issuer or token endpoint, an expiry (Spring Authorization Server's checks). A changed registration gets a new
 * decoder.
 */
class AgencyKeys implements JwtDecoderFactory<RegisteredClient> {

    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    @Override
    public JwtDecoder createDecoder(RegisteredClient client) {
        String jwks = client.getClientSettings().getSetting(AgencyClients.JWKS_SETTING);
        String jwksUri = client.getClientSettings().getJwkSetUrl();
        String cacheKey = client.getClientId() + "|" + (jwks != null ? Integer.toHexString(jwks.hashCode()) : jwksUri);
        return decoders.computeIfAbsent(cacheKey, key -> {
            NimbusJwtDecoder decoder;
            if (jwks != null) {
                DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
                try {
                    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                            new ImmutableJWKSet<>(JWKSet.parse(jwks))));
                } catch (ParseException e) {
                    throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT));
                }
                processor.setJWTClaimsSetVerifier((claims, context) -> {
                    // Spring Security's validators below check the claims.
                });
                decoder = new NimbusJwtDecoder(processor);
            } else if (jwksUri != null) {
                decoder = NimbusJwtDecoder.withJwkSetUri(jwksUri).jwsAlgorithm(SignatureAlgorithm.RS256).build();
            } else {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT));
            }
            decoder.setJwtValidator(JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client));
            return decoder;
        });
    }
}
