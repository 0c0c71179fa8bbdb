package io.proofline.address;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.proofline.address.InPersonProofing.InPersonEnrollment;
import io.proofline.address.LetterVerification.LetterSent;
import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.AccountsException;
import io.proofline.accounts.Profiles;
import io.proofline.crypto.AttributeEncryptor;
import io.proofline.journey.JourneyEnded;
import io.proofline.journey.JourneyId;
import io.proofline.proofing.Journeys;
import io.proofline.support.DatabaseScan;
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

    @Autowired
    Accounts accounts;

    @Autowired
    Profiles profiles;

    @Autowired
    Journeys journeys;

    @Autowired
    RuntimeService runtime;

    @Autowired
    AttributeEncryptor attributes;

    static final String PASSWORD = "correct horse battery staple";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JourneyId journey = JourneyId.random();

    @Test
    void aRetriedSendPrintsTheSameCodeAndEveryLettersCodeWorksUntilItsOwnExpiry() throws Exception {
        vault.merge(journey, person("Letter"));
        letters.prepare(journey);
        IdempotencyKey firstSend = IdempotencyKey.of(journey.toString(), "SendLetter-1");

        letters.send(journey, firstSend);
        String code = lastCode();
        letters.prepare(journey); // as if the first try's commit had failed: the engine retries the job
        LetterSent retried = letters.send(journey, firstSend);

        assertThat(lastCode()).as("a retry under the same key").isEqualTo(code);
        assertThat(retried.codeExpiresAt()).isAfter(Instant.now().plus(letters.codeValidity()).minus(Duration.ofMinutes(1)));
        assertThat(letters.latestCodeExpiry(journey)).contains(retried.codeExpiresAt());
        assertThat(letters.verify(journey, code)).isTrue();
        assertThat(letters.verify(journey, "0000000000")).isFalse();
        assertThat(rows("letter_code")).as("the retried code's row replaced").isEqualTo(1);

        letters.prepare(journey);
        letters.send(journey, IdempotencyKey.of(journey.toString(), "SendLetter-2"));
        String second = lastCode();

        assertThat(second).isNotEqualTo(code);
        assertThat(letters.verify(journey, code)).as("an earlier letter's code stays valid").isTrue();
        assertThat(letters.verify(journey, second)).isTrue();
        assertThat(rows("letter_code")).isEqualTo(2);
        assertThat(letters.verify(JourneyId.random(), second)).as("another journey's code").isFalse();
    }

    @Test
    void theLettersAddressWaitsOnlyInTheVaultUntilTheLetterIsSentOrTheJourneyEnds() {
        vault.merge(journey, person("Letter"));
        letters.prepare(journey);
        assertThat(vault.attachment(journey, PiiVault.Attachment.LETTER)).isPresent();
        vault.deleteAllButTheLetter(journey); // the profile sealed at password re-entry
        assertThat(vault.find(journey)).isEmpty();

        letters.send(journey, IdempotencyKey.of(journey.toString(), "SendLetter-1"));
        assertThat(vault.attachment(journey, PiiVault.Attachment.LETTER)).as("sent: forgotten").isEmpty();

        JourneyId otherJourney = JourneyId.random();
        vault.merge(otherJourney, person("Letter"));
        letters.prepare(otherJourney);
        transactions.executeWithoutResult(tx -> events.publishEvent(new JourneyEnded(otherJourney)));
        assertThat(vault.attachment(otherJourney, PiiVault.Attachment.LETTER)).as("ended: forgotten").isEmpty();
    }

    @Test
    void aDatabaseReaderFindsNoLettersNameAddressOrCodeInAnyTable() throws Exception {
        ProofingPii letterPerson = new ProofingPii("Wendeline", "Ashcombe-" + randomLetters(), LocalDate.of(1975, 4, 5),
                "7731 Quarrystone Ln " + randomLetters(), "Marrowfield", "VT", "05998", "900-55-" + (1000 + RANDOM.nextInt(8999)),
                null);
        AccountId account = accounts.signUp("letter." + UUID.randomUUID() + "@example.org", PASSWORD);
        JourneyId journey = journeys.startOrResume(account).id();
        runtime.setVariable(journeys.find(journey).orElseThrow().processInstanceId(), "addressMethod", "LETTER");
        vault.merge(journey, letterPerson);
        letters.prepare(journey);
        profiles.encryptProfile(account, journey, PASSWORD);
        letters.send(journey, IdempotencyKey.of(journey.toString(), "SendLetter-1"));
        String code = lastCodeOf(journey);
        assertThat(letters.verify(journey, code)).isTrue();

        assertThat(openedWithTheSharedAttributeKey(journey)).as("what the shared key opens in our tables")
                .noneMatch(opened -> opened.contains(letterPerson.street()) || opened.contains(letterPerson.lastName())
                        || opened.contains(code));
        DatabaseScan scan = new DatabaseScan(jdbc);
        assertThat(scan.columnsHolding(letterPerson.lastName())).isEmpty();
        assertThat(scan.columnsHolding(letterPerson.street())).isEmpty();
        assertThat(scan.columnsHolding(code)).isEmpty();
        assertThat(jdbc.sql("select table_name from information_schema.tables where lower(table_name) = 'pending_letter'")
                .query(String.class).list()).as("no table of letters").isEmpty();
        assertThat(profiles.decryptPending(account, journey, PASSWORD).street())
                .as("the address is in the pending profile, under the password").isEqualTo(letterPerson.street());
    }

    @Test
    void aNewLetterCannotBeSentWithoutThePasswordThatOpensThePendingProfile() throws Exception {
        AccountId account = accounts.signUp("letter." + UUID.randomUUID() + "@example.org", PASSWORD);
        JourneyId journey = journeys.startOrResume(account).id();
        runtime.setVariable(journeys.find(journey).orElseThrow().processInstanceId(), "addressMethod", "LETTER");
        vault.merge(journey, person("Letter").withSsn("900-56-" + (1000 + RANDOM.nextInt(8999))));
        letters.prepare(journey);
        profiles.encryptProfile(account, journey, PASSWORD);
        letters.send(journey, IdempotencyKey.of(journey.toString(), "SendLetter-1"));
        int sent = lettersSentFor(journey);
        AccountId stranger = accounts.signUp("other." + UUID.randomUUID() + "@example.org", PASSWORD);

        assertThatThrownBy(() -> letters.requestNewLetter(account, journey, "not my password"))
                .isInstanceOf(AccountsException.WrongPassword.class);
        assertThatThrownBy(() -> letters.requestNewLetter(stranger, journey, PASSWORD))
                .as("another account's password opens nothing").isInstanceOf(AccountsException.NoProfile.class);
        IdempotencyKey newLetter = IdempotencyKey.of(journey.toString(), "SendLetter-2");
        assertThatThrownBy(() -> letters.send(journey, newLetter)).as("nothing to send it from")
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("Elm");
        assertThat(lettersSentFor(journey)).isEqualTo(sent);

        letters.requestNewLetter(account, journey, PASSWORD);
        letters.send(journey, newLetter);

        assertThat(lettersSentFor(journey)).isEqualTo(sent + 1);
        assertThat(letters.verify(journey, lastCodeOf(journey))).isTrue();
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
        assertThat(sealedEnrollmentCode()).doesNotContain(enrollment.code());

        assertThat(inPerson.poll(journey, IdempotencyKey.of(journey.toString(), "PollEnrollment")))
                .isEqualTo(EnrollmentStatus.PASSED);
        assertThat(inPerson.enrollment(journey).orElseThrow().status()).isEqualTo(EnrollmentStatus.PASSED);
        assertThat(sealedEnrollmentCode()).as("the visit is over: the code is erased").isNull();
        assertThat(inPerson.enrollment(JourneyId.random())).isEmpty();
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table + " where journey_id = ?").param(journey.value())
                .query(Long.class).single();
    }

    @Test
    void anEnrollmentsCodeIsErasedWhenItsJourneyEnds() {
        vault.merge(journey, person("IppPending"));
        inPerson.enroll(journey, IdempotencyKey.of(journey.toString(), "CreateEnrollment"));
        assertThat(sealedEnrollmentCode()).isNotNull();

        transactions.executeWithoutResult(tx -> events.publishEvent(new JourneyEnded(journey)));

        assertThat(sealedEnrollmentCode()).isNull();
        assertThat(inPerson.enrollment(journey).orElseThrow().code()).isNull();
    }

    /**
     * Every value of our own tables that the attribute key opens under one of the journey's contexts: what an
     * operator with the database and the shared key (not the person's password) reads.
     */
    private List<String> openedWithTheSharedAttributeKey(JourneyId of) {
        List<String> contexts = List.of("letter:" + of, "letter-code:" + of, "in-person:" + of);
        List<String> opened = new java.util.ArrayList<>();
        for (var column : new DatabaseScan(jdbc).searchableColumns()) {
            String table = column.get("table_name").toString();
            if (!"public".equals(column.get("table_schema")) || table.startsWith("act_") || table.startsWith("flyway")
                    || "bytea".equals(column.get("data_type"))) {
                continue;
            }
            for (String value : jdbc.sql("select cast(\"" + column.get("column_name") + "\" as text) from \"" + table + "\"")
                    .query(String.class).list()) {
                for (String context : contexts) {
                    try {
                        opened.add(attributes.decrypt(value, context));
                    } catch (RuntimeException notOneOfItsCiphertexts) {
                        // not sealed under the attribute key for this journey
                    }
                }
            }
        }
        return opened;
    }

    private String sealedEnrollmentCode() {
        return jdbc.sql("select sealed_code from in_person_enrollment where journey_id = ?").param(journey.value())
                .query((row, number) -> java.util.Optional.ofNullable(row.getString(1))).single().orElse(null);
    }

    private String lastCode() throws Exception {
        return lastCodeOf(journey);
    }

    private List<String> letterBodies(JourneyId of) {
        return stubs.server().findAll(postRequestedFor(urlEqualTo("/usps/v1/letters"))).stream()
                .filter(request -> request.getHeader("Idempotency-Key").startsWith(of.toString()))
                .map(request -> request.getBodyAsString()).toList();
    }

    private int lettersSentFor(JourneyId of) {
        return letterBodies(of).size();
    }

    private String lastCodeOf(JourneyId of) throws Exception {
        List<String> bodies = letterBodies(of);
        return new ObjectMapper().readTree(bodies.get(bodies.size() - 1)).get("code").asText();
    }

    private static String randomLetters() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            out.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return out.toString();
    }

    private static ProofingPii person(String lastName) {
        return new ProofingPii("Quinn", lastName, LocalDate.of(1970, 1, 2), "1 Elm St", "Burlington", "VT", "05401",
                "900-12-3456", null);
    }
}
