package io.proofline.sharing;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import io.proofline.accounts.IdentityVerifications;
import io.proofline.accounts.Profiles;
import io.proofline.accounts.web.SignedInAccounts;
import io.proofline.web.ReturnTo;
import io.proofline.web.WebSecurity;

/**
 * The OpenID Connect provider partner agencies use, on Spring Authorization Server: the authorization code flow only
 * (private_key_jwt for web applications, PKCE for native ones), discovery, JWKS, token, userinfo and RP-initiated
 * logout, with our own stores (no token value and no personal data in a table) and our own rules
 * ({@link AgencyRequestRules}). Its endpoints have their own filter chain, before the pages'.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcProperties.class)
class AuthorizationServer {

    static final String CONSENT_PAGE = "/connect/consent";
    private static final String AUTHORIZATION_ENDPOINT = "/oauth2/authorize";

    @Bean
    AgencyClients agencyClients(Agencies agencies, OidcProperties properties) {
        return new AgencyClients(agencies, properties);
    }

    @Bean
    AgencyAuthorizations agencyAuthorizations(JdbcClient jdbc, RegisteredClientRepository clients, Releases releases,
            Clock clock) {
        return new AgencyAuthorizations(jdbc, clients, releases, clock);
    }

    @Bean
    ConsentsForTheServer consentsForTheServer(AgencyConsents consents) {
        return new ConsentsForTheServer(consents);
    }

    @Bean
    SigningKeys signingKeys(OidcProperties properties) {
        return SigningKeys.from(properties);
    }

    @Bean
    JWKSource<SecurityContext> tokenSigningKeys(SigningKeys keys) {
        return keys.source();
    }

    /** Checks our own access tokens at userinfo. */
    @Bean
    JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(OidcProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            settings.issuer(properties.issuer());
        } // else each request's own address (the embedded default, tests on a random port)
        return settings.build();
    }

    /** Also the token customizer Spring Authorization Server finds by its type. */
    @Bean
    AgencyTokens agencyTokens(SigningKeys keys, PairwiseSubjects subjects, Releases releases,
            OidcProperties properties) {
        return new AgencyTokens(keys, subjects, releases, properties);
    }

    @Bean
    @Order(1)
    SecurityFilterChain agencyEndpoints(HttpSecurity http, AgencyClients clients,
            OAuth2AuthorizationService authorizations, ConsentsForTheServer consentsForTheServer,
            AuthorizationServerSettings settings, AgencyTokens tokens, Releases releases, AgencyConsents consents,
            ClaimValues values, IdentityVerifications verifications, Profiles profiles, SignedInAccounts signedIn,
            OidcProperties properties,
            @Value("${proofline.web.always-secure:false}") boolean alwaysSecure) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        AuthorizationResponses responses = new AuthorizationResponses(authorizations, releases, consents, values,
                signedIn, properties);
        AgencyRequestRules rules = new AgencyRequestRules(verifications, profiles);
        AgencyKeys agencyKeys = new AgencyKeys();
        OidcLogoutAuthenticationSuccessHandler signOut = new OidcLogoutAuthenticationSuccessHandler();
        signOut.setLogoutHandler((request, response, logout) -> signedIn.signOut(request));
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, authorizationServer -> authorizationServer
                        .registeredClientRepository(clients)
                        .authorizationService(authorizations)
                        .authorizationConsentService(consentsForTheServer)
                        .authorizationServerSettings(settings)
                        .clientAuthentication(clientAuthentication -> clientAuthentication
                                .authenticationConverters(converters -> converters.add(0,
                                        new AssertionWithoutClientId()))
                                .authenticationProviders(providers -> providers.forEach(provider -> {
                                    if (provider instanceof JwtClientAssertionAuthenticationProvider assertions) {
                                        assertions.setJwtDecoderFactory(agencyKeys);
                                    }
                                })))
                        .authorizationEndpoint(endpoint -> endpoint
                                .consentPage(CONSENT_PAGE)
                                .authenticationProviders(providers -> providers.forEach(provider -> {
                                    if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider requests) {
                                        java.util.function.Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext>
                                                redirectUri = AgencyRequestRules::registeredRedirectUri;
                                        requests.setAuthenticationValidator(redirectUri
                                                .andThen(OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR)
                                                .andThen(rules));
                                    }
                                    if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider answers) {
                                        // Declining declines it all, scopes agreed to before included.
                                        answers.setAuthorizationConsentCustomizer(answer -> {
                                            OAuth2AuthorizationConsentAuthenticationToken posted = answer.getAuthentication();
                                            if (posted.getScopes() == null || posted.getScopes().isEmpty()) {
                                                answer.getAuthorizationConsent().authorities(Set::clear);
                                            }
                                        });
                                    }
                                }))
                                .authorizationResponseHandler(responses)
                                .errorResponseHandler(responses))
                        .oidc(oidc -> oidc
                                .providerConfigurationEndpoint(discovery -> discovery.providerConfigurationCustomizer(
                                        configuration -> configuration
                                                .responseTypes(types -> types.retainAll(List.of("code")))
                                                .grantTypes(grants -> grants.retainAll(List.of("authorization_code")))
                                                .tokenEndpointAuthenticationMethods(methods -> {
                                                    methods.clear();
                                                    methods.addAll(List.of("private_key_jwt", "none"));
                                                })
                                                .subjectTypes(types -> {
                                                    types.clear();
                                                    types.add("pairwise");
                                                })
                                                .scopes(scopes -> {
                                                    scopes.clear();
                                                    Arrays.stream(AgencyScope.values()).map(AgencyScope::value)
                                                            .forEach(scopes::add);
                                                })
                                                .claim("acr_values_supported", Arrays.stream(AgencyLevel.values())
                                                        .flatMap(level -> level.acrValues().stream()).toList())
                                                .claim("claims_supported", AgencyScope.releasedClaimNames().stream()
                                                        .sorted().toList())))
                                .userInfoEndpoint(userInfo -> userInfo.userInfoMapper(tokens))
                                .logoutEndpoint(logout -> logout.logoutResponseHandler(signOut))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .addFilterAfter(new AgencySignIns(signedIn), SecurityContextHolderFilter.class)
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor((request, response, e) -> {
                    // Signed out: sign in (or sign up, prompt=create), then back to the agency's request.
                    ReturnTo.agencyRequest(request, request.getRequestURI() + "?" + request.getQueryString());
                    String prompt = request.getParameter("prompt");
                    boolean create = prompt != null && Arrays.asList(prompt.split(" ")).contains("create");
                    response.sendRedirect(request.getContextPath() + (create ? "/sign-up" : "/sign-in"));
                }, new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .headers(headers -> WebSecurity.strictHeaders(headers, alwaysSecure));
        return http.build();
    }
}
