package io.proofline.sharing;

import java.time.Duration;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The registered agencies as Spring Authorization Server's clients: the authorization code grant only; private_key_jwt
 * (RS256) for web applications, none with PKCE for native ones; no secret and no refresh token for anyone; consent
 * always asked (our own rules decide when a consent stands, {@link AgencyConsents}).
 */
class AgencyClients implements RegisteredClientRepository {

    static final String JWKS_SETTING = "proofline.agency.jwks";
    static final String LEVELS_SETTING = "proofline.agency.levels";

    private final Agencies agencies;
    private final OidcProperties properties;

    AgencyClients(Agencies agencies, OidcProperties properties) {
        this.agencies = agencies;
        this.properties = properties;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("Agencies are registered through Agencies.register");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return agencies.find(clientId).map(this::client).orElse(null);
    }

    private RegisteredClient client(Agency agency) {
        boolean web = agency.kind() == Agency.Kind.WEB;
        ClientSettings.Builder settings = ClientSettings.builder().requireAuthorizationConsent(true)
                .requireProofKey(!web)
                .setting(LEVELS_SETTING, agency.levels());
        if (web) {
            settings.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS256);
            if (agency.jwksUri() != null) {
                settings.jwkSetUrl(agency.jwksUri());
            }
            if (agency.jwks() != null) {
                settings.setting(JWKS_SETTING, agency.jwks());
            }
        }
        Duration accessTokenLife = properties.accessTokenLifetime();
        return RegisteredClient.withId(agency.clientId()).clientId(agency.clientId()).clientName(agency.displayName())
                .clientAuthenticationMethod(web ? ClientAuthenticationMethod.PRIVATE_KEY_JWT
                        : ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(agency.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(agency.postLogoutRedirectUris()))
                .scopes(scopes -> scopes.addAll(agency.scopes()))
                .clientSettings(settings.build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(accessTokenLife)
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .authorizationCodeTimeToLive(properties.authorizationCodeLifetime())
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256).build())
                .build();
    }
}
