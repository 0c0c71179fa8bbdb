package io.proofline.sharing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import io.proofline.accounts.AccountId;
import io.proofline.vault.ProofingPii;

/**
 * An agency's request waiting for the person's answer, as the consent page shows it: the agency's name, and each
 * attribute it would receive with the value it would receive (what {@link AuthorizationResponses} will release).
 * Found only by the person it was made for, with the one-time state of their request.
 */
@Service
public class ConsentRequests {

    /**
     * @param claims         the claims with their values, in the order of the scopes' table ({@link AgencyScope})
     * @param redirectOrigin where the agency's answer goes (the page's form may send the browser there)
     */
    public record ConsentRequest(String clientId, String agency, Set<String> scopes, Map<String, Object> claims,
            String redirectOrigin, boolean verifiedIdentity) {
    }

    private final OAuth2AuthorizationService authorizations;
    private final Agencies agencies;
    private final ClaimValues values;

    ConsentRequests(OAuth2AuthorizationService authorizations, Agencies agencies, ClaimValues values) {
        this.authorizations = authorizations;
        this.agencies = agencies;
        this.values = values;
    }

    /** @param profile the verified profile this session holds (empty: none, so no verified value is shown) */
    public Optional<ConsentRequest> find(AccountId account, String clientId, String state,
            Optional<ProofingPii> profile) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        OAuth2Authorization waiting = authorizations.findByToken(state, new OAuth2TokenType(OAuth2ParameterNames.STATE));
        if (waiting == null || !(waiting.getAttribute(Principal.class.getName()) instanceof AgencyUser person)
                || !person.account().equals(account) || !waiting.getRegisteredClientId().equals(clientId)) {
            return Optional.empty();
        }
        OAuth2AuthorizationRequest asked = waiting.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Optional<Agency> agency = agencies.find(clientId);
        if (asked == null || agency.isEmpty()) {
            return Optional.empty();
        }
        AgencyLevel level = AgencyLevel.requested((String) asked.getAdditionalParameters().get("acr_values"))
                .orElse(AgencyLevel.AUTH_ONLY);
        boolean verified = level == AgencyLevel.VERIFIED;
        Set<String> scopes = new HashSet<>(asked.getScopes());
        Map<String, Object> claims = values.of(account, scopes, level, profile.orElse(null));
        return Optional.of(new ConsentRequest(clientId, agency.get().displayName(), scopes, claims,
                origin(asked.getRedirectUri()), verified));
    }

    /**
     * The request an agency made, as the end of a proofing journey shows it before the person is sent back: the
     * agency's authorization request waiting in their session ({@code /oauth2/authorize?...}), checked here as the
     * authorization endpoint will check it (a registered agency and redirect URI, scopes it may ask for, the verified
     * level). Anything else is no request to answer here: the endpoint itself will say what is wrong.
     *
     * @param authorizationRequest path and query of the waiting request
     * @param profile              the verified profile this session holds
     */
    public Optional<ConsentRequest> waiting(AccountId account, String authorizationRequest, ProofingPii profile) {
        MultiValueMap<String, String> asked = parameters(authorizationRequest);
        String clientId = parameter(asked, OAuth2ParameterNames.CLIENT_ID);
        String redirectUri = parameter(asked, OAuth2ParameterNames.REDIRECT_URI);
        Set<String> scopes = Agencies.scopeSet(parameter(asked, OAuth2ParameterNames.SCOPE));
        Optional<AgencyLevel> level = AgencyLevel.requested(parameter(asked, "acr_values"));
        Optional<Agency> agency = clientId == null ? Optional.empty() : agencies.find(clientId);
        if (agency.isEmpty() || redirectUri == null || !agency.get().redirectUris().contains(redirectUri)
                || level.filter(AgencyLevel.VERIFIED::equals).isEmpty() || !scopes.contains("openid")
                || !agency.get().scopes().containsAll(scopes) || !agency.get().levels().contains(AgencyLevel.VERIFIED)) {
            return Optional.empty();
        }
        Map<String, Object> claims = values.of(account, scopes, AgencyLevel.VERIFIED, profile);
        return Optional.of(new ConsentRequest(clientId, agency.get().displayName(), scopes, claims,
                origin(redirectUri), true));
    }

    /**
     * Where the agency learns that the person declined at the end of their journey: its registered redirect URI with
     * {@code access_denied} and its state, as the authorization endpoint answers a declined consent.
     */
    public Optional<String> declinedAnswer(String authorizationRequest) {
        MultiValueMap<String, String> asked = parameters(authorizationRequest);
        String clientId = parameter(asked, OAuth2ParameterNames.CLIENT_ID);
        String redirectUri = parameter(asked, OAuth2ParameterNames.REDIRECT_URI);
        String state = parameter(asked, OAuth2ParameterNames.STATE);
        return Optional.ofNullable(clientId).flatMap(agencies::find)
                .filter(agency -> redirectUri != null && agency.redirectUris().contains(redirectUri))
                .map(agency -> UriComponentsBuilder.fromUriString(redirectUri)
                        .queryParam(OAuth2ParameterNames.ERROR, "access_denied")
                        .queryParamIfPresent(OAuth2ParameterNames.STATE, Optional.ofNullable(state))
                        .encode().build().toUriString());
    }

    /** The query of a request as it was sent (still encoded: not checked, so that no bad escape throws). */
    private static MultiValueMap<String, String> parameters(String authorizationRequest) {
        return UriComponentsBuilder.fromUriString(authorizationRequest).build().getQueryParams();
    }

    private static String parameter(MultiValueMap<String, String> parameters, String name) {
        String sent = parameters.getFirst(name);
        try {
            return sent == null ? null : URLDecoder.decode(sent, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return null;
        }
    }

    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getRawAuthority();
    }
}
