package io.proofline.sharing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import io.proofline.accounts.AccountId;

/**
 * The audit of sharing: consent granted, declined and revoked, and each release of claims to an agency, with the claim
 * names and the time, never a value. The person sees theirs on the account page; analysts count them
 * ({@code proofline.sharing.events}, tagged by kind and agency).
 */
@Service
public class SharingEvents {

    public enum Kind {
        GRANTED, DECLINED, REVOKED, RELEASED
    }

    /** One event as the person's account page lists it. */
    public record Event(String agency, Kind kind, List<String> claimNames, Instant at) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry meters;

    SharingEvents(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
    }

    void record(AccountId account, String clientId, Kind kind, Collection<String> claimNames) {
        jdbc.sql("""
                insert into sharing_event (id, account_id, client_id, kind, claim_names, at)
                values (:id, :account, :clientId, :kind, :claims, :at)""")
                .param("id", UUID.randomUUID()).param("account", account.value()).param("clientId", clientId)
                .param("kind", kind.name()).param("claims", String.join(" ", claimNames))
                .param("at", Timestamp.from(clock.instant())).update();
        meters.counter("proofline.sharing.events", "kind", kind.name().toLowerCase(java.util.Locale.ROOT), "agency",
                clientId).increment();
    }

    /** The person's own history of sharing, newest first (the agency by the name it is registered with). */
    public List<Event> of(AccountId account) {
        return jdbc.sql("""
                select coalesce(a.display_name, e.client_id) as agency, e.kind, e.claim_names, e.at
                from sharing_event e left join agency a on a.client_id = e.client_id
                where e.account_id = :account order by e.at desc""")
                .param("account", account.value())
                .query((row, n) -> new Event(row.getString("agency"), Kind.valueOf(row.getString("kind")),
                        Agencies.scopeSet(row.getString("claim_names")).stream().toList(),
                        row.getTimestamp("at").toInstant()))
                .list();
    }
}
