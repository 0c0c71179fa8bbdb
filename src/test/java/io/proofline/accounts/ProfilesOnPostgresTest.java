package io.proofline.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.proofline.accounts.ProfileRepository.SealedProfile;
import io.proofline.crypto.PersonalKey;
import io.proofline.journey.JourneyId;
import io.proofline.proofing.Journeys;
import io.proofline.support.Concurrently;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;

class ProfilesOnPostgresTest extends PostgresIntegrationTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String NEW_PASSWORD = "a brand new long password";

    @Autowired
    Accounts accounts;

    @Autowired
    Profiles profiles;

    @Autowired
    Journeys journeys;

    @Autowired
    PiiVault vault;

    @Autowired
    ProfileRepository profileRepository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    IdentityVerifications verifications;

    @Autowired
    MeterRegistry meters;

    @Value("${proofline.crypto.fingerprint.old-keys}")
    String oldFingerprintKey;

    private final String ssn = randomSsn();
    private final ProofingPii pii = new ProofingPii("Quillon", "Abernathy-Vex", LocalDate.of(1961, 7, 23),
            "4417 Juniper Hollow Rd", "Tamarack Falls", "VT", "05999-4417", ssn, "+1 802 555 0147");

    @Test
    void aWrongPasswordEncryptsNothingAndTheRightOneEncryptsAndDecrypts() {
        AccountId account = newAccount();
        JourneyId journey = proofed(account, pii);

        assertThatThrownBy(() -> profiles.encryptProfile(account, journey, "not my password"))
                .isInstanceOf(AccountsException.WrongPassword.class);
        assertThat(vault.find(journey)).as("the PII waits in the vault").isPresent();

        PersonalKey personalKey = profiles.encryptProfile(account, journey, PASSWORD);

        assertThat(personalKey.formatted()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(personalKey.matches(personalKey.formatted().toLowerCase(Locale.ROOT).replace("-", " "))).isTrue();
        assertThat(vault.find(journey)).as("the vault entry is deleted").isEmpty();
        assertThat(profiles.status(account)).contains(ProfileStatus.ACTIVE);
        assertThatThrownBy(() -> profiles.decrypt(account, "not my password"))
                .isInstanceOf(AccountsException.WrongPassword.class);
        assertThat(profiles.decrypt(account, PASSWORD)).isEqualTo(pii);
    }

    @Test
    void afterAPasswordResetThePersonalKeyRecoversTheProfileAndANewKeyIsIssued() {
        AccountId account = newAccount();
        PersonalKey first = profiles.encryptProfile(account, proofed(account, pii), PASSWORD);

        accounts.resetPassword(account, NEW_PASSWORD);

        assertThat(profiles.status(account)).contains(ProfileStatus.PASSWORD_RESET);
        assertThatThrownBy(() -> profiles.decrypt(account, NEW_PASSWORD)).isInstanceOf(AccountsException.NoProfile.class);

        // Typed as people do: lower case, spaces, O for 0 and l for 1.
        String typed = first.formatted().toLowerCase(Locale.ROOT).replace('-', ' ').replace('0', 'o').replace('1', 'l');
        PersonalKey second = profiles.reactivate(account, typed, NEW_PASSWORD);

        assertThat(second.secret()).isNotEqualTo(first.secret());
        assertThat(profiles.status(account)).contains(ProfileStatus.ACTIVE);
        assertThat(profiles.decrypt(account, NEW_PASSWORD)).isEqualTo(pii);

        accounts.resetPassword(account, PASSWORD);
        assertThatThrownBy(() -> profiles.reactivate(account, first.formatted(), PASSWORD))
                .as("the used key is replaced").isInstanceOf(AccountsException.WrongPersonalKey.class);
        profiles.reactivate(account, second.formatted(), PASSWORD);
        assertThat(profiles.decrypt(account, PASSWORD)).isEqualTo(pii);
    }

    @Test
    void aProfileAwaitingItsLettersCodeWaitsForThePersonalKeyAfterAResetAndThenStillAwaitsTheCode() {
        AccountId account = newAccount();
        JourneyId journey = byLetter(proofed(account, pii));
        PersonalKey key = profiles.encryptProfile(account, journey, PASSWORD);

        accounts.resetPassword(account, NEW_PASSWORD);

        assertThat(profiles.status(account)).as("sealed under the old password: the key is needed")
                .contains(ProfileStatus.PASSWORD_RESET);
        assertThat(claimedSsnFingerprint(account)).as("still claims no SSN").isNull();
        assertThat(profiles.isDuplicateSsn(newAccount(), ssn)).as("nor holds it for another account").isFalse();
        profiles.reactivate(account, key.formatted(), NEW_PASSWORD);

        assertThat(profiles.status(account)).as("recovered, it still awaits its address").contains(ProfileStatus.PENDING);
        assertThat(profiles.decryptPending(account, journey, NEW_PASSWORD)).as("a new letter can be sent from it")
                .isEqualTo(pii);
        assertThat(profiles.activate(account, journey, "STATE_ID")).isEqualTo(Profiles.Activation.ACTIVATED);
        assertThat(profiles.decrypt(account, NEW_PASSWORD)).as("the code entered: verified, under the new password")
                .isEqualTo(pii);
    }

    @Test
    void wrongPersonalKeysFailAndTheFifthLocksRecoveryEvenForTheRightKey() {
        AccountId account = newAccount();
        PersonalKey key = profiles.encryptProfile(account, proofed(account, pii), PASSWORD);
        accounts.resetPassword(account, NEW_PASSWORD);

        for (int remaining = 4; remaining >= 1; remaining--) {
            int expected = remaining;
            assertThatThrownBy(() -> profiles.reactivate(account, "0000-0000-0000-0000", NEW_PASSWORD))
                    .isInstanceOfSatisfying(AccountsException.WrongPersonalKey.class,
                            wrong -> assertThat(wrong.remainingAttempts()).isEqualTo(expected));
        }
        assertThatThrownBy(() -> profiles.reactivate(account, "0000-0000-0000-0000", NEW_PASSWORD))
                .isInstanceOf(AccountsException.Locked.class);

        assertThatThrownBy(() -> profiles.reactivate(account, key.formatted(), NEW_PASSWORD))
                .isInstanceOf(AccountsException.Locked.class);
        assertThat(profiles.status(account)).contains(ProfileStatus.PASSWORD_RESET);
    }

    @Test
    void theKeyTypedAtTheSaveStepIsCheckedAgainstTheProfileWithNoCopyOfItAndWrongOnesAreThrottled() {
        AccountId account = newAccount();
        PersonalKey key = profiles.encryptProfile(account, proofed(account, pii), PASSWORD);

        for (int remaining = 4; remaining >= 1; remaining--) {
            int expected = remaining;
            assertThatThrownBy(() -> profiles.confirmPersonalKey(account, "AAAA-AAAA-AAAA-AAAA"))
                    .isInstanceOfSatisfying(AccountsException.WrongPersonalKey.class,
                            wrong -> assertThat(wrong.remainingAttempts()).isEqualTo(expected));
        }
        profiles.confirmPersonalKey(account, key.formatted().toLowerCase(Locale.ROOT));
        for (int wrong = 0; wrong < 5; wrong++) {
            catchThrowable(() -> profiles.confirmPersonalKey(account, "AAAA-AAAA-AAAA-AAAA"));
        }
        assertThatThrownBy(() -> profiles.confirmPersonalKey(account, key.formatted()))
                .as("after five wrong keys in a row, even the right one waits").isInstanceOf(AccountsException.Locked.class);
    }

    @Test
    void aNewPersonalKeyNeedsThePasswordReplacesTheOldOneAndStillRecoversTheProfile() {
        AccountId account = newAccount();
        PersonalKey first = profiles.encryptProfile(account, proofed(account, pii), PASSWORD);

        assertThatThrownBy(() -> profiles.replacePersonalKey(account, "not my password"))
                .isInstanceOf(AccountsException.WrongPassword.class);
        PersonalKey second = profiles.replacePersonalKey(account, PASSWORD);

        assertThat(second.secret()).isNotEqualTo(first.secret());
        assertThatThrownBy(() -> profiles.confirmPersonalKey(account, first.formatted()))
                .as("the key not saved works no more").isInstanceOf(AccountsException.WrongPersonalKey.class);
        profiles.confirmPersonalKey(account, second.formatted());
        assertThat(profiles.decrypt(account, PASSWORD)).as("the password's copy is untouched").isEqualTo(pii);
        accounts.resetPassword(account, NEW_PASSWORD);
        profiles.reactivate(account, second.formatted(), NEW_PASSWORD);
        assertThat(profiles.decrypt(account, NEW_PASSWORD)).as("the new key recovers the profile").isEqualTo(pii);
    }

    @Test
    void aDuplicateSsnIsFoundAcrossAccountsAndRefused() {
        AccountId first = newAccount();
        profiles.encryptProfile(first, proofed(first, pii), PASSWORD);
        AccountId second = newAccount();
        ProofingPii samePerson = new ProofingPii("Q.", "Vex", LocalDate.of(1961, 7, 23), "1 Elm St", "Burlington", "VT",
                "05401", ssn.replace("-", ""), null);
        JourneyId journey = proofed(second, samePerson);

        assertThat(profiles.isDuplicateSsn(second, ssn.replace("-", ""))).isTrue();
        assertThat(profiles.isDuplicateSsn(first, ssn)).as("one's own profile is no duplicate").isFalse();
        assertThatThrownBy(() -> profiles.encryptProfile(second, journey, PASSWORD))
                .isInstanceOf(AccountsException.DuplicateSsn.class).hasMessageNotContaining(ssn.substring(4));
        assertThat(profiles.status(second)).isEmpty();
    }

    @Test
    void aDuplicateSsnIsFoundUnderARotatedKeyAndItsFingerprintRewritten() throws Exception {
        AccountId first = newAccount();
        profiles.encryptProfile(first, proofed(first, pii), PASSWORD);
        String current = ssnFingerprint(first);
        // As if the profile had been encrypted before the key rotation.
        String underOldKey = AccountsOnPostgresTest.hmac(Base64.getDecoder().decode(oldFingerprintKey),
                "ssn:" + ssn.replace("-", ""));
        jdbc.sql("update account_profile set ssn_fingerprint = ?, claimed_ssn_fingerprint = ? where account_id = ?")
                .params(underOldKey, underOldKey, first.value()).update();
        AccountId second = newAccount();
        JourneyId journey = proofed(second, pii);

        assertThatThrownBy(() -> profiles.encryptProfile(second, journey, PASSWORD))
                .isInstanceOf(AccountsException.DuplicateSsn.class);

        assertThat(ssnFingerprint(first)).isEqualTo(current).isNotEqualTo(underOldKey);
        assertThat(profiles.isDuplicateSsn(second, ssn)).isTrue();
    }

    @Test
    void theClaimedSsnsUniqueKeyRefusesASecondProfileAsADuplicateKeyAndAFreshProfileSupersedesTheOld() {
        AccountId first = newAccount();
        profiles.encryptProfile(first, proofed(first, pii), PASSWORD);
        AccountProfile held = profileRepository.findCurrent(first).orElseThrow();
        AccountId second = newAccount();
        SealedProfile sameSsn = new SealedProfile(UUID.randomUUID(), held.ssnFingerprint(), "sealed", "sealed",
                held.recovery());

        assertThatThrownBy(() -> profileRepository.insert(new AccountProfile(second, sameSsn, Instant.now())))
                .as("the same SSN encrypted at the same moment on another node").isInstanceOf(DuplicateKeyException.class);

        profileRepository.supersedeAll(first, Instant.now());
        profileRepository.insert(new AccountProfile(second, sameSsn, Instant.now()));
        assertThat(profiles.status(first)).as("only superseded profiles, which hold no SSN").isEmpty();
        assertThat(profileRepository.findCurrent(second)).map(AccountProfile::id).contains(sameSsn.id());
    }

    @Test
    void aLetterPathProfileHoldsNoSsnSoAnotherAccountWithTheSameSsnStillVerifies() {
        AccountId letterPerson = newAccount();
        JourneyId letterJourney = byLetter(proofed(letterPerson, pii));
        profiles.encryptProfile(letterPerson, letterJourney, PASSWORD);
        assertThat(profiles.status(letterPerson)).contains(ProfileStatus.PENDING);
        assertThat(claimedSsnFingerprint(letterPerson)).as("the pending profile claims nothing").isNull();

        AccountId owner = newAccount();
        assertThat(profiles.isDuplicateSsn(owner, ssn)).isFalse();
        profiles.encryptProfile(owner, proofed(owner, pii), PASSWORD);

        assertThat(profiles.status(owner)).as("the phone path is active at once").contains(ProfileStatus.ACTIVE);
        assertThat(claimedSsnFingerprint(owner)).isEqualTo(ssnFingerprint(owner));
        assertThat(profiles.isDuplicateSsn(letterPerson, ssn)).isTrue();
    }

    @Test
    void theLetterCodeEnteredActivatesThePendingProfileWhichThenHoldsItsSsn() {
        AccountId account = newAccount();
        JourneyId journey = byLetter(proofed(account, pii));
        profiles.encryptProfile(account, journey, PASSWORD);
        assertThatThrownBy(() -> profiles.decrypt(account, PASSWORD)).isInstanceOf(AccountsException.NoProfile.class);

        assertThat(profiles.activate(account, journey, "STATE_ID")).isEqualTo(Profiles.Activation.ACTIVATED);
        assertThat(profiles.activate(account, journey, "STATE_ID")).as("a retried step").isEqualTo(Profiles.Activation.ACTIVATED);

        assertThat(profiles.status(account)).contains(ProfileStatus.ACTIVE);
        assertThat(claimedSsnFingerprint(account)).isEqualTo(ssnFingerprint(account));
        assertThat(verifications.verifiedAt(account)).isPresent();
        assertThat(profiles.decrypt(account, PASSWORD)).isEqualTo(pii);
        AccountId other = newAccount();
        assertThat(profiles.isDuplicateSsn(other, ssn)).isTrue();
    }

    @Test
    void twoPendingProfilesOfOneSsnActivatedAtOnceOneWinsAndTheOtherFailsHoldingNothing() {
        AccountId first = newAccount();
        JourneyId firstJourney = byLetter(proofed(first, pii));
        profiles.encryptProfile(first, firstJourney, PASSWORD);
        AccountId second = newAccount();
        JourneyId secondJourney = inPerson(proofed(second, pii));
        profiles.encryptProfile(second, secondJourney, PASSWORD);

        AtomicInteger turn = new AtomicInteger();
        List<Profiles.Activation> results = Concurrently.run(2, 2, () -> turn.getAndIncrement() == 0
                ? profiles.activate(first, firstJourney, "STATE_ID") : profiles.activate(second, secondJourney, "IN_PERSON"));

        assertThat(results).containsExactlyInAnyOrder(Profiles.Activation.ACTIVATED,
                Profiles.Activation.SSN_HELD_BY_ANOTHER_ACCOUNT);
        AccountId winner = profiles.status(first).orElseThrow() == ProfileStatus.ACTIVE ? first : second;
        AccountId loser = winner.equals(first) ? second : first;
        assertThat(profiles.status(loser)).contains(ProfileStatus.FAILED);
        assertThat(claimedSsnFingerprint(loser)).isNull();
        assertThat(verifications.verifiedAt(loser)).as("the loser is not verified").isEmpty();
        assertThat(verifications.verifiedAt(winner)).isPresent();
    }

    @Test
    void aLetterCodeThatExpiresReleasesAClaimWrittenBeforePendingProfilesAndAnotherAccountThenVerifies() {
        AccountId letterPerson = newAccount();
        JourneyId letterJourney = byLetter(proofed(letterPerson, pii));
        profiles.encryptProfile(letterPerson, letterJourney, PASSWORD);
        // As the previous release wrote it: claimed at password re-entry.
        jdbc.sql("update account_profile set claimed_ssn_fingerprint = ssn_fingerprint where account_id = ?")
                .param(letterPerson.value()).update();
        AccountId owner = newAccount();
        JourneyId ownersJourney = proofed(owner, pii);
        assertThatThrownBy(() -> profiles.encryptProfile(owner, ownersJourney, PASSWORD))
                .as("blocked while the old claim stands").isInstanceOf(AccountsException.DuplicateSsn.class);

        profiles.expirePending(letterJourney);

        assertThat(profiles.status(letterPerson)).contains(ProfileStatus.EXPIRED);
        assertThat(claimedSsnFingerprint(letterPerson)).isNull();
        profiles.encryptProfile(owner, proofed(owner, pii), PASSWORD);
        assertThat(profiles.status(owner)).contains(ProfileStatus.ACTIVE);
    }

    @Test
    void aPostOfficeJourneyThatEndsUnverifiedLeavesAFailedProfileThatHoldsNothingAndCannotBeActivated() {
        AccountId inPerson = newAccount();
        JourneyId journey = inPerson(proofed(inPerson, pii));
        profiles.encryptProfile(inPerson, journey, PASSWORD);
        jdbc.sql("update account_profile set claimed_ssn_fingerprint = ssn_fingerprint where account_id = ?")
                .param(inPerson.value()).update();

        journeys.abandon(inPerson); // ends the journey as a failed or expired visit does: JourneyEnded

        assertThat(profiles.status(inPerson)).contains(ProfileStatus.FAILED);
        assertThat(claimedSsnFingerprint(inPerson)).isNull();
        assertThatThrownBy(() -> profiles.activate(inPerson, journey, "IN_PERSON"))
                .isInstanceOf(AccountsException.NoProfile.class);
        AccountId owner = newAccount();
        profiles.encryptProfile(owner, proofed(owner, pii), PASSWORD);
        assertThat(profiles.status(owner)).contains(ProfileStatus.ACTIVE);
    }

    @Test
    void aJourneyOfAnotherAccountCannotBeEncryptedIntoMine() {
        AccountId owner = newAccount();
        JourneyId journey = proofed(owner, pii);
        AccountId other = newAccount();

        assertThatThrownBy(() -> profiles.encryptProfile(other, journey, PASSWORD)).isInstanceOf(AccountsException.NoProfile.class);
        assertThat(vault.find(journey)).isPresent();
    }

    @Test
    void aRoundTripCostsFourDerivationsAndFourKmsCallsAndAJourneyThree() {
        double derivations = count("proofline.crypto.scrypt.derivations");
        double kmsCalls = count("proofline.crypto.kms.calls");
        String email = "user." + UUID.randomUUID() + "@example.org";

        AccountId account = accounts.signUp(email, PASSWORD);
        double journeyStart = count("proofline.crypto.scrypt.derivations");
        assertThat(accounts.signIn(email, PASSWORD, "203.0.113.7")).isInstanceOf(SignInResult.SignedIn.class);
        profiles.encryptProfile(account, proofed(account, pii), PASSWORD);

        // Login.gov spends four on a journey: sign-in, password re-entry, personal-key copy, personal-key digest.
        assertThat(count("proofline.crypto.scrypt.derivations") - journeyStart).as("sign-in, re-entry, personal key")
                .isEqualTo(3);
        assertThat(count("proofline.crypto.scrypt.derivations") - derivations).as("with sign-up").isEqualTo(4);
        assertThat(count("proofline.crypto.kms.calls") - kmsCalls).isEqualTo(4);
    }

    private double count(String meter) {
        return meters.find(meter).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private AccountId newAccount() {
        return accounts.signUp("user." + UUID.randomUUID() + "@example.org", PASSWORD);
    }

    private JourneyId proofed(AccountId account, ProofingPii verified) {
        JourneyId journey = journeys.startOrResume(account).id();
        vault.merge(journey, verified);
        return journey;
    }

    /** The journey reached password re-entry by choosing the letter, as its process records it. */
    private JourneyId byLetter(JourneyId journey) {
        runtime.setVariable(journeys.find(journey).orElseThrow().processInstanceId(), "addressMethod", "LETTER");
        return journey;
    }

    private JourneyId inPerson(JourneyId journey) {
        runtime.setVariable(journeys.find(journey).orElseThrow().processInstanceId(), "proofingPath", "IN_PERSON");
        return journey;
    }

    private String claimedSsnFingerprint(AccountId account) {
        return jdbc.sql("select claimed_ssn_fingerprint from account_profile where account_id = ? and status <> 'SUPERSEDED'")
                .param(account.value()).query((row, number) -> java.util.Optional.ofNullable(row.getString(1)))
                .single().orElse(null);
    }

    private String ssnFingerprint(AccountId account) {
        return jdbc.sql("select ssn_fingerprint from account_profile where account_id = ? and status <> 'SUPERSEDED'")
                .param(account.value()).query(String.class).single();
    }

    static String randomSsn() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("9%02d-%02d-%04d", random.nextInt(100), random.nextInt(100), random.nextInt(10000));
    }
}
