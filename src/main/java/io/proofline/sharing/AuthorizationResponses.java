package io.proofline.sharing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import io.proofline.accounts.web.SignedInAccounts;
import io.proofline.vault.ProofingPii;
import io.proofline.web.ReturnTo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How the authorization endpoint answers. A code: what it releases is worked out now, from the verified profile this
 * session holds, sealed in the vault for the code's life ({@link Releases}), and the agency is sent the code. An
 * error: a request that names no registered client or redirect URI is shown on our own page and sent nowhere (the
 * specification forbids redirecting to an unverified address); a person who must first verify, enter their letter's
 * code or type their password goes there and comes back; everything else goes back to the agency as an OAuth error.
 */
final class AuthorizationResponses implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationResponses.class);

    static final String REQUEST_REFUSED = "/connect/refused";

    private final OAuth2AuthorizationService authorizations;
    private final Releases releases;
    private final AgencyConsents consents;
    private final ClaimValues values;
    private final SignedInAccounts signedIn;
    private final OidcProperties properties;

    AuthorizationResponses(OAuth2AuthorizationService authorizations, Releases releases, AgencyConsents consents,
            ClaimValues values, SignedInAccounts signedIn,
            OidcProperties properties) {
        this.authorizations = authorizations;
        this.releases = releases;
        this.consents = consents;
        this.values = values;
        this.signedIn = signedIn;
        this.properties = properties;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        OAuth2AuthorizationCodeRequestAuthenticationToken answer =
                (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
        String code = answer.getAuthorizationCode().getTokenValue();
        OAuth2Authorization authorization = authorizations.findByToken(code,
                new OAuth2TokenType(OAuth2ParameterNames.CODE));
        if (authorization == null || !(authorization.getAttribute(java.security.Principal.class.getName())
                instanceof AgencyUser person)) {
            throw new IllegalStateException("The authorization just saved is not found");
        }
        OAuth2AuthorizationRequest asked = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        String acrValues = asked == null ? null : (String) asked.getAdditionalParameters().get("acr_values");
        AgencyLevel level = AgencyLevel.requested(acrValues).orElse(AgencyLevel.AUTH_ONLY);
        ProofingPii profile = level == AgencyLevel.VERIFIED ? signedIn.heldProfile(request).orElse(null) : null;
        Set<String> scopes = new HashSet<>(authorization.getAuthorizedScopes());
        Map<String, Object> claims = values.of(person.account(), scopes, level, profile);
        releases.release(authorization.getId(), person.account(), authorization.getRegisteredClientId(),
                new Releases.Release(claims, level.asserted(acrValues), person.methods()),
                properties.authorizationCodeLifetime());
        UriComponentsBuilder redirect = UriComponentsBuilder.fromUriString(answer.getRedirectUri())
                .queryParam(OAuth2ParameterNames.CODE, code);
        if (answer.getState() != null) {
            redirect.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(answer.getState(), StandardCharsets.UTF_8));
        }
        response.sendRedirect(redirect.build(true).toUriString());
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        OAuth2AuthorizationCodeRequestAuthenticationException refused =
                (OAuth2AuthorizationCodeRequestAuthenticationException) exception;
        OAuth2AuthorizationCodeRequestAuthenticationToken asked = refused.getAuthorizationCodeRequestAuthentication();
        if (refused instanceof AgencyRequestRules.Detour detour) {
            ReturnTo.agencyRequest(request, request.getRequestURI() + "?" + request.getQueryString());
            response.sendRedirect(request.getContextPath() + detour.path());
            return;
        }
        OAuth2Error error = refused.getError();
        if (asked == null || asked.getRedirectUri() == null || asked.getRedirectUri().isBlank()) {
            log.warn("An authorization request was refused on our page: {} {}", error.getErrorCode(),
                    error.getDescription());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            try {
                request.getRequestDispatcher(REQUEST_REFUSED).forward(request, response);
            } catch (jakarta.servlet.ServletException e) {
                throw new IOException(e);
            }
            return;
        }
        if (OAuth2ErrorCodes.ACCESS_DENIED.equals(error.getErrorCode())) {
            declined(asked);
        }
        log.info("An authorization request from {} answered {}", asked.getClientId(), error.getErrorCode());
        UriComponentsBuilder redirect = UriComponentsBuilder.fromUriString(asked.getRedirectUri())
                .queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
        if (error.getDescription() != null) {
            redirect.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION,
                    UriUtils.encode(error.getDescription(), StandardCharsets.UTF_8));
        }
        if (asked.getState() != null) {
            redirect.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(asked.getState(), StandardCharsets.UTF_8));
        }
        response.sendRedirect(redirect.build(true).toUriString());
    }

    private void declined(OAuth2AuthorizationCodeRequestAuthenticationToken asked) {
        Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
                .filter(AgencyUser.class::isInstance).map(AgencyUser.class::cast)
                .ifPresent(person -> consents.declined(person.account(), asked.getClientId(),
                        new HashSet<>(asked.getScopes() == null ? List.of() : asked.getScopes())));
    }
}
