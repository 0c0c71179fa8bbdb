package io.proofline.sharing;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.json.JsonMapper;

import io.proofline.accounts.AccountId;
import io.proofline.vault.HeldPii;

/**
 * What one authorization gives its agency: the consented claims with their values, and the {@code acr} and {@code amr}
 * that were met. Sealed in the vault under the authorization's id, from the code's issue until the access token
 * expires (or is revoked), and never in a table: the token endpoint and userinfo read it from there.
 */
@Service
class Releases {

    record Release(Map<String, Object> claims, String acr, List<String> amr) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HeldPii held;
    private final SharingEvents events;

    Releases(HeldPii held, SharingEvents events) {
        this.held = held;
        this.events = events;
    }

    void release(String authorizationId, AccountId account, String clientId, Release release, Duration life) {
        keep(authorizationId, release, life);
        List<String> names = new java.util.ArrayList<>(List.of("sub"));
        names.addAll(release.claims().keySet());
        events.record(account, clientId, SharingEvents.Kind.RELEASED, names);
    }

    /** The access token is issued: what it releases lives as long as it. */
    void extend(String authorizationId, Duration life) {
        find(authorizationId).ifPresent(release -> keep(authorizationId, release, life));
    }

    Optional<Release> find(String authorizationId) {
        return held.find(HeldPii.Holder.AGENCY_RELEASE, authorizationId).map(Releases::read);
    }

    void forget(String authorizationId) {
        held.forget(HeldPii.Holder.AGENCY_RELEASE, authorizationId);
    }

    private void keep(String authorizationId, Release release, Duration life) {
        try {
            Map<String, Object> stored = new LinkedHashMap<>();
            stored.put("claims", release.claims());
            stored.put("acr", release.acr());
            stored.put("amr", release.amr());
            held.hold(HeldPii.Holder.AGENCY_RELEASE, authorizationId, JSON.writeValueAsBytes(stored), life);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot seal a release");
        }
    }

    @SuppressWarnings("unchecked")
    private static Release read(byte[] stored) {
        try {
            Map<String, Object> read = JSON.readValue(stored, Map.class);
            return new Release((Map<String, Object>) read.get("claims"), (String) read.get("acr"),
                    (List<String>) read.get("amr"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read a release");
        }
    }
}
