package io.proofline.sharing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.IdentityVerifications;

/**
 * A person's consents to share with agencies (seed 004: "The user provides explicit consent to allow us to share any
 * data with a service provider"). A consent covers the scopes agreed to, and stands until it is a year old
 * ({@code proofline.sharing.consent-validity}), until the person is verified again after it, or until they revoke it;
 * then they are asked again, as they are for any scope not yet agreed to.
 */
@Service
public class AgencyConsents {

    /** A consent that still stands, as the account page lists it. */
    public record Connected(String clientId, String agency, Set<String> scopes, List<String> claimNames,
            Instant since) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OidcProperties properties;
    private final IdentityVerifications verifications;
    private final SharingEvents events;

    AgencyConsents(JdbcClient jdbc, Clock clock, OidcProperties properties, IdentityVerifications verifications,
            SharingEvents events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.verifications = verifications;
        this.events = events;
    }

    /** The scopes the person's standing consent covers for this agency (empty: none stands). */
    public Set<String> standing(AccountId account, String clientId) {
        return jdbc.sql("""
                select scopes, consented_at from agency_consent
                where account_id = :account and client_id = :clientId and revoked_at is null""")
                .param("account", account.value()).param("clientId", clientId)
                .query((row, n) -> new Object[] {row.getString("scopes"), row.getTimestamp("consented_at").toInstant()})
                .optional().filter(found -> stands(account, (Instant) found[1]))
                .map(found -> Agencies.scopeSet((String) found[0])).orElse(Set.of());
    }

    private boolean stands(AccountId account, Instant consentedAt) {
        if (consentedAt.plus(properties.consentValidity()).isBefore(clock.instant())) {
            return false;
        }
        Optional<Instant> verifiedAt = verifications.verifiedAt(account);
        return verifiedAt.isEmpty() || !verifiedAt.get().isAfter(consentedAt);
    }

    /** The person agreed to share these scopes (all that the agency asked, those agreed before included). */
    @Transactional
    public void grant(AccountId account, String clientId, Set<String> scopes) {
        Timestamp now = Timestamp.from(clock.instant());
        String spaced = String.join(" ", scopes);
        int changed = jdbc.sql("""
                update agency_consent set scopes = :scopes, consented_at = :now, revoked_at = null
                where account_id = :account and client_id = :clientId""")
                .param("scopes", spaced).param("now", now).param("account", account.value())
                .param("clientId", clientId).update();
        if (changed == 0) {
            jdbc.sql("""
                    insert into agency_consent (account_id, client_id, scopes, consented_at)
                    values (:account, :clientId, :scopes, :now)""")
                    .param("account", account.value()).param("clientId", clientId).param("scopes", spaced)
                    .param("now", now).update();
        }
        events.record(account, clientId, SharingEvents.Kind.GRANTED, AgencyScope.claimsOf(scopes));
    }

    /** The person declined to share these scopes: nothing is recorded but the event (no claim values). */
    public void declined(AccountId account, String clientId, Set<String> scopes) {
        events.record(account, clientId, SharingEvents.Kind.DECLINED, AgencyScope.claimsOf(scopes));
    }

    /** The person withdrew their consent: the agency's next request asks again. */
    @Transactional
    public boolean revoke(AccountId account, String clientId) {
        boolean revoked = jdbc.sql("""
                update agency_consent set revoked_at = :now
                where account_id = :account and client_id = :clientId and revoked_at is null""")
                .param("now", Timestamp.from(clock.instant())).param("account", account.value())
                .param("clientId", clientId).update() > 0;
        if (revoked) {
            events.record(account, clientId, SharingEvents.Kind.REVOKED, List.of());
        }
        return revoked;
    }

    /** The agencies the person is connected to: what each receives and since when. */
    public List<Connected> connected(AccountId account) {
        return jdbc.sql("""
                select c.client_id, a.display_name, c.scopes, c.consented_at from agency_consent c
                join agency a on a.client_id = c.client_id
                where c.account_id = :account and c.revoked_at is null order by c.consented_at desc""")
                .param("account", account.value())
                .query((row, n) -> {
                    Set<String> scopes = Agencies.scopeSet(row.getString("scopes"));
                    return new Connected(row.getString("client_id"), row.getString("display_name"), scopes,
                            AgencyScope.claimsOf(scopes), row.getTimestamp("consented_at").toInstant());
                })
                .list();
    }
}
