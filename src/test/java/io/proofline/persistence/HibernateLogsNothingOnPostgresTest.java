package io.proofline.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.orm.jpa.JpaProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.IdentityVerifications;
import io.proofline.journey.JourneyId;
import io.proofline.support.PostgresIntegrationTest;

/** Hibernate writes our rows without a statement or a bound value reaching the log. */
@ExtendWith(OutputCaptureExtension.class)
class HibernateLogsNothingOnPostgresTest extends PostgresIntegrationTest {

    @Autowired
    JpaProperties jpa;

    @Autowired
    IdentityVerifications verifications;

    @Test
    void noStatementAndNoValueIsLogged(CapturedOutput output) {
        assertThat(jpa.isShowSql()).isFalse();
        assertThat(LoggerFactory.getLogger("org.hibernate.SQL").isDebugEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.hibernate.orm.jdbc.bind").isTraceEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.hibernate.orm.jdbc.extract").isTraceEnabled()).isFalse();
        AccountId account = new AccountId(UUID.randomUUID());

        JourneyId journey = JourneyId.random();
        verifications.markVerified(account, journey, "STATE_ID");

        assertThat(verifications.verifiedAt(account)).isPresent();
        assertThat(output.getAll().toLowerCase(Locale.ROOT)).doesNotContain("identity_verification")
                .doesNotContain(account.toString()).doesNotContain(journey.toString());
    }
}
