package io.proofline.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.proofline.accounts.AccountId;
import io.proofline.journey.JourneyId;
import io.proofline.support.PostgresIntegrationTest;

class ConsentsOnPostgresTest extends PostgresIntegrationTest {

    @Autowired
    Consents consents;

    @Autowired
    JdbcClient jdbc;

    private final AccountId account = new AccountId(UUID.randomUUID());

    @Test
    void aConsentIsRecordedOncePerJourneyNamingTheConfiguredAgencyAndAttributes() {
        JourneyId journey = JourneyId.random();
        assertThat(consents.hasConsented(account)).isFalse();

        consents.recordConsent(account, journey);
        consents.recordConsent(account, journey);

        assertThat(consents.hasConsented(account)).isTrue();
        assertThat(consents.hasConsented(new AccountId(UUID.randomUUID()))).isFalse();
        Map<String, Object> recorded = jdbc.sql(
                "select account_id, agency, attributes from consent_record where journey_id = ?")
                .param(journey.value()).query().singleRow();
        assertThat(recorded).containsEntry("account_id", account.toString()).containsEntry("agency", "partner-agency")
                .containsEntry("attributes", "name,birthdate,address,phone,ssn,verified_at");
    }
}
