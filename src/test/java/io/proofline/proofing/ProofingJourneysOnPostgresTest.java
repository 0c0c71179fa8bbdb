package io.proofline.proofing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.IdentityVerifications;
import io.proofline.accounts.ProfileStatus;
import io.proofline.accounts.Profiles;
import io.proofline.accounts.SignInResult;
import io.proofline.address.InPersonProofing;
import io.proofline.address.LetterVerification;
import io.proofline.address.PhoneVerification;
import io.proofline.documents.DocumentCheck;
import io.proofline.journey.JourneyId;
import io.proofline.journey.JourneyStep;
import io.proofline.journey.ProcessIds.Outcome;
import io.proofline.pivcac.CertificateCheck;
import io.proofline.proofing.JourneyDriver.Person;
import io.proofline.support.DatabaseScan;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;
import io.proofline.vendors.VendorStubServer;

/**
 * Whole journeys on PostgreSQL, Redis and the vendor stubs, driven the way the wizard drives them: the
 * person's input goes to the feature services and the vault, the step is completed with choices and
 * outcomes only, and the engine's job executor runs every check. Afterwards no table, the engine's
 * runtime and history included, holds the person's PII.
 */
class ProofingJourneysOnPostgresTest extends PostgresIntegrationTest {

    static final String PASSWORD = JourneyDriver.PASSWORD;
    /** What the document-authentication stub reads from any ID without a trigger (vendor-stubs/README.md). */
    static final List<String> ID_FIELDS = List.of("FAKEY", "MCFAKERSON", "1938-10-06", "1 FAKE RD", "GREAT FALLS",
            "59010", "1111111111111");

    @Autowired Accounts accounts;
    @Autowired Profiles profiles;
    @Autowired Journeys journeys;
    @Autowired JourneyEngine engine;
    @Autowired PiiVault vault;
    @Autowired DocumentCheck documents;
    @Autowired PhoneVerification phones;
    @Autowired LetterVerification letters;
    @Autowired IdentityVerifications verifications;
    @Autowired VendorStubServer stubs;
    @Autowired JdbcClient jdbc;
    @Autowired CertificateCheck certificates;
    @Autowired InPersonProofing inPerson;

    @Test
    void stateIdAndPhoneToAVerifiedAccountWithNoPiiInAnyTable() throws Exception {
        Person person = Person.random();
        AccountId account = accounts.signUp(person.email(), PASSWORD);
        JourneyId journey = begin(account, "STATE_ID");

        throughTheStateId(journey, person);
        assertThat(vault.attachment(journey, PiiVault.Attachment.DOCUMENT_IMAGES))
                .as("seed 004 step 4: an accepted ID's images are discarded once checked").isEmpty();
        driver().byPhone(journey, person, (j, code) -> !phones.verifyCode(j, "WRONG1")
                && phones.verifyCode(j, code.toLowerCase()));
        protectTheData(account, journey);
        complete(journey, "ConsentToShare", Map.of());

        awaitEnded(journey);
        assertThat(verifications.verifiedAt(account)).isPresent();
        assertThat(journeys.active(account)).as("ended: nothing waits").isEmpty();
        assertThat(vault.find(journey)).isEmpty();
        assertThat(profiles.decrypt(account, PASSWORD).ssn()).isEqualTo(person.ssn());
        assertNoPiiAnywhere(person);
    }

    @Test
    void stateIdAndLetterWithTheCodeEnteredAfterALaterSignIn() throws Exception {
        Person person = Person.random();
        AccountId account = accounts.signUp(person.email(), PASSWORD);
        JourneyId journey = begin(account, "STATE_ID");

        throughTheStateId(journey, person);
        String code = driver().byLetter(account, journey);
        assertThat(verifications.verifiedAt(account)).as("not before the code").isEmpty();
        assertThat(profiles.status(account)).as("pending, holding no SSN, until the code").contains(ProfileStatus.PENDING);

        SignInResult later = accounts.signIn(person.email(), PASSWORD, "203.0.113.7");
        assertThat(later).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(journeys.startOrResume(account).id()).as("the same journey resumes").isEqualTo(journey);
        assertThat(letters.verify(journey, "0000000000")).isFalse();
        assertThat(letters.verify(journey, code.substring(0, 5) + "-" + code.substring(5))).isTrue();
        complete(journey, "EnterLetterCode", Map.of("letterCodeCheck", "PASS"));
        complete(journey, "ConsentToShare", Map.of());

        awaitEnded(journey);
        assertThat(verifications.verifiedAt(account)).isPresent();
        assertThat(profiles.status(account)).contains(ProfileStatus.ACTIVE);
        assertThat(vault.attachment(journey, PiiVault.Attachment.LETTER)).as("the letter's address is not kept")
                .isEmpty();
        assertNoPiiAnywhere(person);
    }

    @Test
    void anExpiredLetterCodeNoLongerWorksAndANewLetterBringsANewCode() throws Exception {
        Person person = Person.random();
        AccountId account = accounts.signUp(person.email(), PASSWORD);
        JourneyId journey = begin(account, "STATE_ID");
        throughTheStateId(journey, person);
        String first = driver().byLetter(account, journey);

        try {
            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(31))));
            assertThat(letters.verify(journey, first)).as("on day 31").isFalse();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!"RequestNewLetter".equals(engine.currentStep(journey).activityId()) && System.nanoTime() < deadline) {
                Thread.sleep(50); // the job executor finds the 30-day timer due on the moved clock
            }
            assertThat(profiles.status(account)).as("expired with its code").contains(ProfileStatus.EXPIRED);
            letters.requestNewLetter(account, journey, PASSWORD); // the page's form: the password opens the profile
            complete(journey, "RequestNewLetter", Map.of());
            awaitTask(journey, "EnterLetterCode");
            assertThat(profiles.status(account)).contains(ProfileStatus.PENDING);
            String second = driver().lastSent(journey, "/usps/v1/letters").get("code").asText();

            assertThat(second).isNotEqualTo(first);
            assertThat(letters.verify(journey, first)).as("the old code stays expired").isFalse();
            assertThat(letters.verify(journey, second)).isTrue();
            complete(journey, "EnterLetterCode", Map.of("letterCodeCheck", "PASS"));
            complete(journey, "ConsentToShare", Map.of());
            awaitEnded(journey);
        } finally {
            ClockUtil.reset();
        }
        assertThat(verifications.verifiedAt(account)).isPresent();
    }

    @Test
    void fourFailedUploadsLockAndANewJourneyDoesNotEndTheLockoutButAVendorErrorNeverCounts() throws Exception {
        Person person = Person.random();
        AccountId account = accounts.signUp(person.email(), PASSWORD);
        JourneyId journey = begin(account, "STATE_ID");

        upload(journey, "STUB:ERROR");
        JourneyStep afterVendorError = awaitTask(journey, "UploadDocuments");
        assertThat(afterVendorError.checkWas(Outcome.VENDOR_ERROR)).isTrue();
        assertThat(afterVendorError.attemptsRemaining()).isEqualTo(4);
        assertThat(vault.attachment(journey, PiiVault.Attachment.DOCUMENT_IMAGES))
                .as("seed 004 step 4: the images are discarded once checked, even when the vendor failed").isEmpty();
        for (int remaining = 3; remaining >= 1; remaining--) {
            upload(journey, "STUB:FAKE");
            assertThat(awaitTask(journey, "UploadDocuments").attemptsRemaining()).isEqualTo(remaining);
            assertThat(vault.attachment(journey, PiiVault.Attachment.DOCUMENT_IMAGES))
                    .as("a rejected ID's images are discarded too").isEmpty();
        }
        upload(journey, "STUB:FAKE");
        JourneyStep locked = awaitStep(journey, JourneyStep.Kind.WAITING);
        assertThat(locked.activityId()).isEqualTo("WaitOutDocumentLockout");
        assertThat(locked.lockedUntil()).isAfter(Instant.now().plus(Duration.ofHours(23)));

        journeys.abandon(account);
        JourneyId second = begin(account, "STATE_ID");
        assertThat(second).isNotEqualTo(journey);
        JourneyStep stillLocked = awaitStep(second, JourneyStep.Kind.WAITING);
        assertThat(stillLocked.activityId()).isEqualTo("WaitOutDocumentLockout");
        assertThat(stillLocked.lockedUntil()).isEqualTo(locked.lockedUntil());
    }

    @Test
    void anEditedNameIsRefusedAndTheIdsNameKept() throws Exception {
        Person person = Person.random();
        AccountId account = accounts.signUp(person.email(), PASSWORD);
        JourneyId journey = begin(account, "STATE_ID");
        upload(journey, "");
        vault.update(journey, pii -> pii.withSsn(person.ssn()));
        complete(journey, "EnterSsn", Map.of());

        vault.update(journey, pii -> pii.withPerson("Somebody", pii.lastName(), pii.dateOfBirth()));
        complete(journey, "ReviewDetails", Map.of());

        awaitTask(journey, "ReviewDetails");
        assertThat(vault.find(journey).orElseThrow().firstName()).isEqualTo("FAKEY");
        complete(journey, "ReviewDetails", Map.of());
        awaitTask(journey, "ChooseAddressMethod");
    }

    @Test
    void aPivCacHolderMustEnterTheNameOnTheCard() throws Exception {
        Person person = Person.random();
        AccountId account = accounts.signUp(person.email(), PASSWORD);
        JourneyId journey = begin(account, "PIV_CAC");
        awaitTask(journey, "ConnectCard");
        certificates.present(journey, developmentCard());
        complete(journey, "ConnectCard", Map.of());
        awaitTask(journey, "EnterPersonalDetails");
        vault.merge(journey, new ProofingPii("Fakey", "Smith", LocalDate.of(1970, 1, 2), person.street(), person.city(), "MT",
                person.zip(), person.ssn(), null));
        complete(journey, "EnterPersonalDetails", Map.of());

        complete(journey, "ReviewDetails", Map.of());
        JourneyStep mismatch = awaitTask(journey, "ReviewDetails");
        assertThat(mismatch.checkWas(Outcome.FAIL)).isTrue();
        assertThat(mismatch.attemptsRemaining()).isEqualTo(2);
        vault.update(journey, pii -> pii.withPerson(pii.firstName(), "McFakerson", pii.dateOfBirth()));
        complete(journey, "ReviewDetails", Map.of());

        awaitTask(journey, "ChooseAddressMethod");
    }

    @Test
    void inPersonTheEnrollmentIsPolledUntilThePostOfficePassesThePerson() throws Exception {
        Person person = Person.random();
        AccountId account = accounts.signUp(person.email(), PASSWORD);
        JourneyId journey = begin(account, "IN_PERSON");
        vault.merge(journey, new ProofingPii("Jo", "IppPassed", LocalDate.of(1980, 5, 6), person.street(), person.city(), "MT",
                person.zip(), person.ssn(), null));
        complete(journey, "EnterIdDetails", Map.of());
        complete(journey, "ReviewDetails", Map.of());
        protectTheData(account, journey);
        JourneyStep waiting = awaitStep(journey, JourneyStep.Kind.WAITING);
        assertThat(inPerson.enrollment(journey).orElseThrow().code()).hasSize(16);

        try {
            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(31))));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (engine.currentStep(journey).kind() != JourneyStep.Kind.TASK && System.nanoTime() < deadline) {
                Thread.sleep(50); // the job executor finds the poll timer due on the moved clock
            }
            awaitTask(journey, "ConsentToShare");
        } finally {
            ClockUtil.reset();
        }
        complete(journey, "ConsentToShare", Map.of());
        awaitEnded(journey);
        assertThat(waiting.activityId()).isIn("TimeToAskUsps", "EnrollmentDeadline");
        assertThat(verifications.verifiedAt(account)).isPresent();
    }

    private List<X509Certificate> developmentCard() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(Path.of("target/it-data/pivcac-dev/dev-holder.p12"))) {
            store.load(in, "proofline-dev".toCharArray());
        }
        String alias = store.aliases().nextElement();
        return Arrays.stream(store.getCertificateChain(alias)).map(X509Certificate.class::cast).toList();
    }

    // ---- the person's side: see JourneyDriver

    private JourneyId begin(AccountId account, String path) throws Exception {
        return driver().begin(account, path);
    }

    private void throughTheStateId(JourneyId journey, Person person) throws Exception {
        driver().throughTheStateId(journey, person);
    }

    private void upload(JourneyId journey, String marker) throws Exception {
        driver().upload(journey, marker);
    }

    private void protectTheData(AccountId account, JourneyId journey) throws Exception {
        driver().protectTheData(account, journey);
    }

    private void complete(JourneyId journey, String step, Map<String, Object> variables) throws Exception {
        driver().complete(journey, step, variables);
    }

    private JourneyStep awaitTask(JourneyId journey, String step) throws Exception {
        return driver().awaitTask(journey, step);
    }

    private JourneyStep awaitStep(JourneyId journey, JourneyStep.Kind kind) throws Exception {
        return driver().awaitStep(journey, kind);
    }

    private void awaitEnded(JourneyId journey) throws Exception {
        driver().awaitEnded(journey);
    }

    private JourneyDriver driver() {
        return new JourneyDriver(journeys, engine, vault, documents, profiles, stubs);
    }

    private void assertNoPiiAnywhere(Person person) {
        DatabaseScan scan = new DatabaseScan(jdbc);
        assertThat(scan.columnsHolding("identity-proofing")).as("the scan finds what is there")
                .contains("act_ge_bytearray.bytes_");
        List<String> secrets = new ArrayList<>(ID_FIELDS);
        secrets.addAll(List.of(person.email(), person.ssn(), person.ssn().replace("-", ""), person.street(), person.city(),
                person.zip(), person.phone()));
        for (String secret : secrets) {
            assertThat(scan.columnsHolding(secret)).as("columns holding " + secret.length() + " characters of PII")
                    .isEmpty();
        }
    }
}
