package io.proofline.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.journey.JourneyId;

/**
 * Which accounts are verified at IAL2, since when, and by which pathway (state ID, PIV/CAC, in person;
 * NIST 800-63A rev 4 asks that the pathway be recorded and disclosed to relying parties).
 */
@Service
public class IdentityVerifications {

    private final JdbcClient jdbc;
    private final Clock clock;

    IdentityVerifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the verification; a repeat for the same journey (a retried step) changes nothing. */
    @Transactional
    public void markVerified(String accountId, JourneyId journey, String pathway) {
        boolean sameJourney = jdbc.sql("select count(*) from identity_verification where account_id = ? and journey_id = ?")
                .params(accountId, journey.value()).query(Long.class).single() > 0;
        if (sameJourney) {
            return;
        }
        jdbc.sql("delete from identity_verification where account_id = ?").param(accountId).update();
        jdbc.sql("insert into identity_verification (account_id, journey_id, pathway, verified_at) values (?, ?, ?, ?)")
                .params(accountId, journey.value(), pathway, Timestamp.from(clock.instant())).update();
    }

    public Optional<Instant> verifiedAt(String accountId) {
        return jdbc.sql("select verified_at from identity_verification where account_id = ?").param(accountId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }
}
