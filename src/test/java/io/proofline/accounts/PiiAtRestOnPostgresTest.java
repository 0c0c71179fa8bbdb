package io.proofline.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;

import io.proofline.proofing.Journey;
import io.proofline.proofing.Journeys;
import io.proofline.support.DatabaseScan;
import io.proofline.support.SentEmails;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;

/**
 * The promise that holds against an operator with full database and Cockpit access: after a whole
 * sign-up, proofing, profile encryption and sign-in, no table (ours or the engine's ACT_*), no log line and
 * no metric holds the person's email, name, date of birth, SSN, address or phone in plaintext.
 */
@ExtendWith(OutputCaptureExtension.class)
class PiiAtRestOnPostgresTest extends PostgresIntegrationTest {

    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    Accounts accounts;

    @Autowired
    Profiles profiles;

    @Autowired
    Journeys journeys;

    @Autowired
    PiiVault vault;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SignUps signUps;

    @Autowired
    SecondFactors secondFactors;

    @Autowired
    io.proofline.vendors.VendorStubServer stubs;

    @Autowired
    MeterRegistry meters;

    @Test
    void afterAFullRoundTripNoTableLogOrMetricHoldsThePlaintext(CapturedOutput output) {
        String tag = randomLetters(6);
        String email = "zeph." + tag + "@example.org";
        LocalDate dateOfBirth = LocalDate.of(1930 + ThreadLocalRandom.current().nextInt(60),
                1 + ThreadLocalRandom.current().nextInt(12), 1 + ThreadLocalRandom.current().nextInt(28));
        String ssn = ProfilesOnPostgresTest.randomSsn();
        String phoneDigits = "802555" + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
        ProofingPii pii = new ProofingPii("Zephyrine" + tag, "Quarrington" + tag, dateOfBirth,
                "4417 Juniper" + tag + " Hollow Rd", "Tamarack" + tag + " Falls", "VT",
                String.format("%05d-%04d", ThreadLocalRandom.current().nextInt(100000), ThreadLocalRandom.current().nextInt(10000)),
                ssn, "+1 " + phoneDigits.substring(0, 3) + " " + phoneDigits.substring(3, 6) + " " + phoneDigits.substring(6));

        // Through the emailed link, as a person signs up; then both kinds of second method.
        assertThat(signUps.start(email, "203.0.113.7", Locale.ENGLISH)).isInstanceOf(LinkRequest.Sent.class);
        String link = SentEmails.newestTo(stubs.server(), email).link();
        SignUps.Completed completed = signUps.complete(link.substring(link.indexOf("token=") + 6), PASSWORD);
        AccountId account = ((SignUps.Completed.SignedIn) completed).account();
        SessionToken firstSession = ((SignUps.Completed.SignedIn) completed).session();
        SecondFactors.AppBeingAdded app = secondFactors.beginApp(account);
        String appKey = app.key().replace(" ", "");
        assertThat(secondFactors.confirmApp(account, firstSession, app.method(), SecondFactors.appCode(
                new javax.crypto.spec.SecretKeySpec(new org.apache.commons.codec.binary.Base32().decode(appKey), "HmacSHA1"),
                java.time.Instant.now().getEpochSecond() / 30), "Phone of Zephyrine" + tag))
                .isInstanceOf(SecondFactors.CodeCheck.Accepted.class);
        List<String> backupCodes = secondFactors.addBackupCodes(account, firstSession);
        Journey journey = journeys.startOrResume(account);
        vault.update(journey.id(), held -> held.withPerson(pii.firstName(), pii.lastName(), pii.dateOfBirth())
                .withSsn(pii.ssn()));
        vault.update(journey.id(), held -> held.withAddress(pii.street(), pii.city(), pii.state(), pii.zip())
                .withPhone(pii.phone()));
        profiles.encryptProfile(account, journey.id(), PASSWORD);
        SignInResult.SignedIn signedIn = (SignInResult.SignedIn) accounts.signIn(email, PASSWORD, "203.0.113.7");
        assertThat(profiles.decrypt(signedIn.account(), PASSWORD)).isEqualTo(pii);
        accounts.signOut(signedIn.session());

        List<String> secrets = List.of(email, "zeph." + tag, pii.firstName(), pii.lastName(),
                dateOfBirth.toString(), dateOfBirth.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")),
                dateOfBirth.format(DateTimeFormatter.BASIC_ISO_DATE), ssn, ssn.replace("-", ""), pii.street(),
                "Juniper" + tag, pii.city(), pii.zip(), pii.phone(), phoneDigits, link.substring(link.indexOf("token=") + 6),
                appKey, backupCodes.get(0).replace("-", ""), backupCodes.get(0));

        // The scan must be able to find things, in text and in bytea columns, or finding nothing proves nothing.
        assertThat(columnsHolding(journey.id().toString())).anyMatch(c -> c.startsWith("act_ru_execution."));
        assertThat(columnsHolding("identity-proofing")).contains("act_ge_bytearray.bytes_");
        assertThat(columnsScanned()).isGreaterThan(100);

        for (String secret : secrets) {
            assertThat(columnsHolding(secret)).as("columns holding a PII value").isEmpty();
            assertThat(output.getAll().toLowerCase(Locale.ROOT)).as("captured logs").doesNotContain(secret.toLowerCase(Locale.ROOT));
            meters.getMeters().forEach(meter -> assertThat(meter.getId().toString()).as("metric ids and tags")
                    .doesNotContain(secret));
        }
    }

    private int columnsScanned() {
        return new DatabaseScan(jdbc).searchableColumns().size();
    }

    private List<String> columnsHolding(String text) {
        return new DatabaseScan(jdbc).columnsHolding(text);
    }

    private static String randomLetters(int length) {
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "qwxyzk";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return out.toString();
    }
}
