package io.proofline.address;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.proofline.address.InPersonProofing.InPersonEnrollment;
import io.proofline.address.LetterVerification.LetterSent;
import io.proofline.journey.JourneyEnded;
import io.proofline.journey.JourneyId;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;
import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.VendorStubServer;

/** The address feature's own tables: pending letters and their codes, in-person enrollments. */
class LettersAndEnrollmentsOnPostgresTest extends PostgresIntegrationTest {

    @Autowired
    LetterVerification letters;

    @Autowired
    InPersonProofing inPerson;

    @Autowired
    PiiVault vault;

    @Autowired
    VendorStubServer stubs;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private final JourneyId journey = JourneyId.random();

    @Test
    void aRetriedSendPrintsTheSameCodeAndEveryLettersCodeWorksUntilItsOwnExpiry() throws Exception {
        vault.merge(journey, person("Letter"));
        letters.prepare(journey);
        IdempotencyKey firstSend = IdempotencyKey.of(journey.toString(), "SendLetter-1");

        letters.send(journey, firstSend);
        String code = lastCode();
        LetterSent retried = letters.send(journey, firstSend);

        assertThat(lastCode()).as("a retry under the same key").isEqualTo(code);
        assertThat(retried.codeExpiresAt()).isAfter(Instant.now().plus(letters.codeValidity()).minus(Duration.ofMinutes(1)));
        assertThat(letters.latestCodeExpiry(journey)).contains(retried.codeExpiresAt());
        assertThat(letters.verify(journey, code)).isTrue();
        assertThat(letters.verify(journey, "0000000000")).isFalse();
        assertThat(rows("letter_code")).as("the retried code's row replaced").isEqualTo(1);

        letters.send(journey, IdempotencyKey.of(journey.toString(), "SendLetter-2"));
        String second = lastCode();

        assertThat(second).isNotEqualTo(code);
        assertThat(letters.verify(journey, code)).as("an earlier letter's code stays valid").isTrue();
        assertThat(letters.verify(journey, second)).isTrue();
        assertThat(rows("letter_code")).isEqualTo(2);
        assertThat(letters.verify(JourneyId.random(), second)).as("another journey's code").isFalse();
    }

    @Test
    void theLettersAddressIsForgottenWhenTheJourneyEndsAndAPreparedLetterIsPreparedAfresh() {
        vault.merge(journey, person("Letter"));
        letters.prepare(journey);
        letters.prepare(journey);
        assertThat(rows("pending_letter")).isEqualTo(1);
        assertThat(letters.latestCodeExpiry(journey)).as("before any letter").isEmpty();

        transactions.executeWithoutResult(tx -> events.publishEvent(new JourneyEnded(journey)));

        assertThat(rows("pending_letter")).isZero();
    }

    @Test
    void anEnrollmentIsCreatedOnceItsCodeSealedAndItsStatusFollowsUsps() {
        vault.merge(journey, person("IppPassed"));
        IdempotencyKey key = IdempotencyKey.of(journey.toString(), "CreateEnrollment");

        Instant expiresAt = inPerson.enroll(journey, key).expiresAt();
        assertThat(inPerson.enroll(journey, key).expiresAt()).as("once per journey").isEqualTo(expiresAt);

        InPersonEnrollment enrollment = inPerson.enrollment(journey).orElseThrow();
        assertThat(enrollment.status()).isEqualTo(EnrollmentStatus.PENDING);
        assertThat(enrollment.code()).matches("[0-9]{15}1");
        assertThat(enrollment.expiresAt()).isEqualTo(expiresAt);
        assertThat(jdbc.sql("select sealed_code from in_person_enrollment where journey_id = ?").param(journey.value())
                .query(String.class).single()).doesNotContain(enrollment.code());

        assertThat(inPerson.poll(journey, IdempotencyKey.of(journey.toString(), "PollEnrollment")))
                .isEqualTo(EnrollmentStatus.PASSED);
        assertThat(inPerson.enrollment(journey).orElseThrow().status()).isEqualTo(EnrollmentStatus.PASSED);
        assertThat(inPerson.enrollment(JourneyId.random())).isEmpty();
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table + " where journey_id = ?").param(journey.value())
                .query(Long.class).single();
    }

    private String lastCode() throws Exception {
        List<String> bodies = stubs.server().findAll(postRequestedFor(urlEqualTo("/usps/v1/letters"))).stream()
                .filter(request -> request.getHeader("Idempotency-Key").startsWith(journey.toString()))
                .map(request -> request.getBodyAsString()).toList();
        return new ObjectMapper().readTree(bodies.get(bodies.size() - 1)).get("code").asText();
    }

    private static ProofingPii person(String lastName) {
        return new ProofingPii("Quinn", lastName, LocalDate.of(1970, 1, 2), "1 Elm St", "Burlington", "VT", "05401",
                "900-12-3456", null);
    }
}
