package io.proofline.sharing;

import java.util.function.Function;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What our tokens say. Every token is signed by the current key (its {@code kid} in the header) and names the person
 * by the agency's pairwise {@code sub}, never their account. The ID token carries the {@code acr} met, the {@code amr}
 * of the sign-in and exactly the released claims; userinfo answers the same claims while the access token lives.
 * A code whose release is gone (expired, or forgotten with a revoked token) gives no token.
 */
final class AgencyTokens implements OAuth2TokenCustomizer<JwtEncodingContext>,
        Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final SigningKeys keys;
    private final PairwiseSubjects subjects;
    private final Releases releases;
    private final OidcProperties properties;

    AgencyTokens(SigningKeys keys, PairwiseSubjects subjects, Releases releases, OidcProperties properties) {
        this.keys = keys;
        this.subjects = subjects;
        this.releases = releases;
        this.properties = properties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        context.getJwsHeader().keyId(keys.currentKeyId());
        if (!(context.getPrincipal() instanceof AgencyUser person) || context.getAuthorization() == null) {
            throw invalidGrant();
        }
        OAuth2Authorization authorization = context.getAuthorization();
        String clientId = context.getRegisteredClient().getClientId();
        context.getClaims().subject(subjects.subject(clientId, person.account()));
        Releases.Release release = releases.find(authorization.getId()).orElseThrow(AgencyTokens::invalidGrant);
        if (ID_TOKEN.equals(context.getTokenType())) {
            context.getClaims().claim("acr", release.acr()).claim("amr", release.amr())
                    .claims(claims -> claims.putAll(release.claims()));
        } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            releases.extend(authorization.getId(), properties.accessTokenLifetime());
        }
    }

    /** Userinfo: the pairwise {@code sub} and the released claims, while the access token is active. */
    @Override
    public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
        OAuth2Authorization authorization = context.getAuthorization();
        if (!(authorization.getAttribute(java.security.Principal.class.getName()) instanceof AgencyUser person)) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
        }
        Releases.Release release = releases.find(authorization.getId())
                .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN));
        return OidcUserInfo.builder()
                .subject(subjects.subject(authorization.getRegisteredClientId(), person.account()))
                .claims(claims -> claims.putAll(release.claims())).build();
    }

    private static OAuth2AuthenticationException invalidGrant() {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                "The authorization no longer holds what it released", null));
    }
}
