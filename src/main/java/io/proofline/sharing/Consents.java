package io.proofline.sharing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.journey.JourneyId;

/**
 * Seed 004: "The user provides explicit consent to allow us to share any data with a service provider."
 * A consent names the agency and the attributes; nothing is shared without one.
 */
@Service
public class Consents {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String agency;
    private final String attributes;

    Consents(JdbcClient jdbc, Clock clock, @Value("${proofline.sharing.agency:partner-agency}") String agency,
            @Value("${proofline.sharing.attributes:name,birthdate,address,phone,ssn,verified_at}") String attributes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.agency = agency;
        this.attributes = attributes;
    }

    /** Records the consent given at the end of a journey (once, however often the step runs). */
    @Transactional
    public void recordConsent(String accountId, JourneyId journey) {
        boolean recorded = jdbc.sql("select count(*) from consent_record where journey_id = ?").param(journey.value())
                .query(Long.class).single() > 0;
        if (!recorded) {
            jdbc.sql("""
                    insert into consent_record (id, account_id, journey_id, agency, attributes, consented_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), accountId, journey.value(), agency, attributes,
                            Timestamp.from(clock.instant()))
                    .update();
        }
    }

    public boolean hasConsented(String accountId) {
        return jdbc.sql("select count(*) from consent_record where account_id = ?").param(accountId)
                .query(Long.class).single() > 0;
    }
}
