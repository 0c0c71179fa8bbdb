package io.proofline.sharing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * How an operator registers, changes and removes a partner agency: {@code /actuator/agencies} on the management port,
 * writes with the operator's credentials (docs/sharing.md). Every problem of a registration is answered at once.
 * Lists (redirect URIs, scopes, levels) are space-separated strings, as actuator takes a body's values as text.
 */
@Component
@Endpoint(id = "agencies")
class AgencyRegistrationsEndpoint {

    private static final Logger log = LoggerFactory.getLogger(AgencyRegistrationsEndpoint.class);

    private final Agencies agencies;

    AgencyRegistrationsEndpoint(Agencies agencies) {
        this.agencies = agencies;
    }

    @ReadOperation
    List<Map<String, Object>> registered() {
        return agencies.all().stream().map(AgencyRegistrationsEndpoint::shown).toList();
    }

    @ReadOperation
    WebEndpointResponse<Map<String, Object>> agency(@Selector String clientId) {
        return agencies.find(clientId).map(found -> new WebEndpointResponse<>(shown(found)))
                .orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
    }

    @WriteOperation
    WebEndpointResponse<Map<String, Object>> register(@Selector String clientId, String displayName, String kind,
            String redirectUris, @Nullable String postLogoutRedirectUris, String scopes, String levels,
            @Nullable String jwks, @Nullable String jwksUri) {
        try {
            Agency saved = agencies.register(new AgencyRegistration(clientId, displayName, kind, words(redirectUris),
                    words(postLogoutRedirectUris), words(scopes), words(levels), jwks, jwksUri));
            log.info("Agency {} registered or changed by an operator", saved.clientId());
            return new WebEndpointResponse<>(shown(saved));
        } catch (AgencyRegistration.Refused refused) {
            return new WebEndpointResponse<>(Map.of("problems", refused.problems()),
                    WebEndpointResponse.STATUS_BAD_REQUEST);
        }
    }

    /** Actuator reads a body's values as text: lists are space-separated, as OAuth writes scopes. */
    private static List<String> words(String spaced) {
        return spaced == null || spaced.isBlank() ? List.of() : List.of(spaced.trim().split("\\s+"));
    }

    @DeleteOperation
    WebEndpointResponse<Void> remove(@Selector String clientId) {
        boolean removed = agencies.remove(clientId);
        if (removed) {
            log.info("Agency {} removed by an operator", clientId);
        }
        return new WebEndpointResponse<>(removed ? WebEndpointResponse.STATUS_NO_CONTENT
                : WebEndpointResponse.STATUS_NOT_FOUND);
    }

    private static Map<String, Object> shown(Agency agency) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("clientId", agency.clientId());
        shown.put("displayName", agency.displayName());
        shown.put("kind", agency.kind().name().toLowerCase(java.util.Locale.ROOT));
        shown.put("redirectUris", agency.redirectUris());
        shown.put("postLogoutRedirectUris", agency.postLogoutRedirectUris());
        shown.put("scopes", agency.scopes().stream().sorted().toList());
        shown.put("levels", agency.levels().stream().map(AgencyLevel::configName).sorted().toList());
        shown.put("keys", agency.jwks() != null ? "jwks" : agency.jwksUri());
        shown.put("updatedAt", agency.updatedAt().toString());
        return shown;
    }
}
