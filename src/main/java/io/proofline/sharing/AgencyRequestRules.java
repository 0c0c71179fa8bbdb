package io.proofline.sharing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.IdentityVerifications;
import io.proofline.accounts.ProfileStatus;
import io.proofline.accounts.Profiles;

/**
 * Our rules for an agency's authorization request, checked after Spring Authorization Server's own (the client, its
 * redirect URI, its registered scopes): {@code state} and {@code nonce} of at least 22 characters, an {@code openid}
 * request, known {@code acr_values} the agency is registered for, and no verified-identity scope at IAL1. Then, for
 * a signed-in person asked for a verified identity, where they must go first: proofing, the letter's code, their
 * personal key, or their password again (so that their verified profile can be opened for the consent page).
 */
final class AgencyRequestRules implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    static final int MIN_STATE_AND_NONCE_LENGTH = 22;

    /** Where a person goes before the agency's request can be answered; the request waits for them. */
    static final class Detour extends OAuth2AuthorizationCodeRequestAuthenticationException {

        private static final long serialVersionUID = 1L;

        private final String path;

        Detour(String path, OAuth2AuthorizationCodeRequestAuthenticationToken request) {
            super(new OAuth2Error("interaction_required"), request);
            this.path = path;
        }

        String path() {
            return path;
        }
    }

    static final String VERIFY = "/verify";
    static final String NOT_YET_VERIFIED = "/connect/not-yet";
    static final String PASSWORD_AGAIN = "/connect/password";
    static final String RECOVER_PROFILE = "/account/recover";

    private final IdentityVerifications verifications;
    private final Profiles profiles;
    AgencyRequestRules(IdentityVerifications verifications, Profiles profiles) {
        this.verifications = verifications;
        this.profiles = profiles;
    }

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        Map<String, Object> parameters = request.getAdditionalParameters();
        if (!request.getScopes().contains(OidcScopes.OPENID)) {
            refuse(OAuth2ErrorCodes.INVALID_SCOPE, "scope must include openid", request);
        }
        if (tooShort(request.getState())) {
            refuse(OAuth2ErrorCodes.INVALID_REQUEST, "state is required, at least 22 characters", request);
        }
        if (tooShort((String) parameters.get(OidcParameterNames.NONCE))) {
            refuse(OAuth2ErrorCodes.INVALID_REQUEST, "nonce is required, at least 22 characters", request);
        }
        String acrValues = (String) parameters.get("acr_values");
        Optional<AgencyLevel> level = AgencyLevel.requested(acrValues);
        if (level.isEmpty()) {
            refuse(OAuth2ErrorCodes.INVALID_REQUEST, "acr_values must name known levels", request);
        }
        if (!levelsOf(context.getRegisteredClient()).contains(level.get())) {
            refuse(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "this client is not registered for " + acrValues, request);
        }
        if (level.get() == AgencyLevel.AUTH_ONLY && request.getScopes().stream().map(AgencyScope::of)
                .anyMatch(scope -> scope.map(AgencyScope::verified).orElse(false))) {
            refuse(OAuth2ErrorCodes.INVALID_SCOPE, "verified-identity scopes need a verified acr_values", request);
        }
        if (level.get() == AgencyLevel.VERIFIED
                && request.getPrincipal() instanceof Authentication principal && principal.isAuthenticated()
                && principal instanceof AgencyUser person) {
            try {
                detourIfNeeded(person, request);
            } catch (Detour detour) {
                if (mayNotInteract(parameters)) {
                    // prompt=none: the agency asked for no page, so the detour is its error instead
                    refuse("interaction_required", "the person must act before this request can be answered",
                            request);
                }
                throw detour;
            }
        }
    }

    private static boolean mayNotInteract(Map<String, Object> parameters) {
        return parameters.get("prompt") instanceof String prompt && List.of(prompt.split(" ")).contains("none");
    }

    private void detourIfNeeded(AgencyUser person, OAuth2AuthorizationCodeRequestAuthenticationToken request) {
        AccountId account = person.account();
        Optional<ProfileStatus> status = profiles.status(account);
        if (verifications.verifiedAt(account).isEmpty() || status.isEmpty()) {
            boolean awaitingAddress = status.filter(found -> found == ProfileStatus.PENDING).isPresent();
            throw new Detour(awaitingAddress ? NOT_YET_VERIFIED : VERIFY, request);
        }
        switch (status.get()) {
            case ACTIVE -> {
                if (!person.profileHeld()) {
                    throw new Detour(PASSWORD_AGAIN, request);
                }
            }
            case PASSWORD_RESET -> throw new Detour(RECOVER_PROFILE, request);
            case PENDING -> throw new Detour(NOT_YET_VERIFIED, request);
            default -> throw new Detour(VERIFY, request); // its profile can no longer be read: verify again
        }
    }

    /**
     * The redirect URI must be one the agency registered, character for character (no pattern, no other port); a
     * request without a registered one is refused on our own page, never redirected.
     */
    static void registeredRedirectUri(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        String redirectUri = request.getRedirectUri();
        if (redirectUri == null || !context.getRegisteredClient().getRedirectUris().contains(redirectUri)) {
            OAuth2AuthorizationCodeRequestAuthenticationToken withoutRedirect =
                    new OAuth2AuthorizationCodeRequestAuthenticationToken(request.getAuthorizationUri(),
                            request.getClientId(), (Authentication) request.getPrincipal(), null, request.getState(),
                            request.getScopes(), request.getAdditionalParameters());
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_REQUEST, "redirect_uri is not registered for this client", null),
                    withoutRedirect);
        }
    }

    @SuppressWarnings("unchecked")
    static Set<AgencyLevel> levelsOf(RegisteredClient client) {
        Object levels = client.getClientSettings().getSetting(AgencyClients.LEVELS_SETTING);
        return levels instanceof Set<?> set ? (Set<AgencyLevel>) set : Set.of();
    }

    private static boolean tooShort(String value) {
        return value == null || value.length() < MIN_STATE_AND_NONCE_LENGTH;
    }

    private static void refuse(String code, String description,
            OAuth2AuthorizationCodeRequestAuthenticationToken request) {
        throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(code, description, null),
                request);
    }
}
