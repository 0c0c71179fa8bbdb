package io.proofline.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.proofline.journey.JourneyId;
import io.proofline.support.PostgresIntegrationTest;

/** One verification per account: a retried step changes nothing, a later journey's replaces it. */
class IdentityVerificationsOnPostgresTest extends PostgresIntegrationTest {

    @Autowired
    IdentityVerifications verifications;

    @Autowired
    JdbcClient jdbc;

    private final AccountId account = new AccountId(UUID.randomUUID());

    @Test
    void aRetriedStepChangesNothingAndALaterJourneyReplacesTheVerification() {
        JourneyId first = JourneyId.random();
        assertThat(verifications.verifiedAt(account)).isEmpty();

        verifications.markVerified(account, first, "STATE_ID");
        Instant verifiedAt = verifications.verifiedAt(account).orElseThrow();
        verifications.markVerified(account, first, "STATE_ID");

        assertThat(verifications.verifiedAt(account)).contains(verifiedAt);
        assertThat(row()).containsEntry("journey_id", first.value()).containsEntry("pathway", "STATE_ID");

        JourneyId later = JourneyId.random();
        verifications.markVerified(account, later, "IN_PERSON");

        assertThat(row()).containsEntry("journey_id", later.value()).containsEntry("pathway", "IN_PERSON");
        assertThat(jdbc.sql("select count(*) from identity_verification where account_id = ?").param(account.toString())
                .query(Long.class).single()).isEqualTo(1L);
    }

    private Map<String, Object> row() {
        return jdbc.sql("select journey_id, pathway from identity_verification where account_id = ?").param(account.toString())
                .query().singleRow();
    }
}
