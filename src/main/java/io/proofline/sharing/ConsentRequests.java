package io.proofline.sharing;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
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

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.IdentityVerifications;
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
    private final Accounts accounts;
    private final IdentityVerifications verifications;

    ConsentRequests(OAuth2AuthorizationService authorizations, Agencies agencies, Accounts accounts,
            IdentityVerifications verifications) {
        this.authorizations = authorizations;
        this.agencies = agencies;
        this.accounts = accounts;
        this.verifications = verifications;
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
        Instant verifiedAt = verified ? verifications.verifiedAt(account).orElse(null) : null;
        Map<String, Object> claims = AgencyClaims.of(scopes, accounts.email(account).orElse(null),
                verified ? profile.orElse(null) : null, verifiedAt);
        return Optional.of(new ConsentRequest(clientId, agency.get().displayName(), scopes, claims,
                origin(asked.getRedirectUri()), verified));
    }

    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getRawAuthority();
    }
}
