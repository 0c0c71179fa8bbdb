package io.proofline.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.proofline.accounts.ProfileRepository.SealedProfile;
import io.proofline.crypto.ContentKey;
import io.proofline.crypto.Fingerprints;
import io.proofline.crypto.PersonalKey;
import io.proofline.crypto.PersonalKeys;
import io.proofline.crypto.UserAccessKeys;
import io.proofline.crypto.UserAccessKeys.NewCredential;
import io.proofline.journey.JourneyEnded;
import io.proofline.journey.JourneyId;
import io.proofline.throttle.ThrottleType;
import io.proofline.throttle.Throttles;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;

/**
 * The verified profile. At the end of proofing the PII leaves the vault for good: sealed (AES-256-GCM)
 * under the CEK of the password the user re-enters, and a second copy under the CEK of a new personal key.
 * Per encryption: one derivation for the password (it checks and encrypts), one for the personal key.
 */
@Service
public class Profiles {

    private static final Logger log = LoggerFactory.getLogger(Profiles.class);

    private final Accounts accounts;
    private final ProfileRepository profiles;
    private final UserAccessKeys accessKeys;
    private final Fingerprints fingerprints;
    private final Throttles throttles;
    private final PiiVault vault;
    private final JourneyOwners journeys;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate ownTransaction;
    private final IdentityVerifications verifications;
    private final SecurityNotices notices;
    private final AccountHistory history;

    Profiles(Accounts accounts, ProfileRepository profiles, UserAccessKeys accessKeys, Fingerprints fingerprints,
            Throttles throttles, PiiVault vault, JourneyOwners journeys, Clock clock, TransactionTemplate transactions,
            IdentityVerifications verifications, SecurityNotices notices, AccountHistory history) {
        this.history = history;
        this.notices = notices;
        this.accounts = accounts;
        this.profiles = profiles;
        this.accessKeys = accessKeys;
        this.fingerprints = fingerprints;
        this.throttles = throttles;
        this.vault = vault;
        this.journeys = journeys;
        this.clock = clock;
        this.transactions = transactions;
        this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.verifications = verifications;
    }

    /**
     * Encrypts the journey's verified PII from the vault under the re-entered password and a new personal
     * key, replaces any earlier profile of the account, and deletes the vault entry. Returns the personal
     * key: show it once, have the user type it back ({@link PersonalKey#matches}).
     * <p>
     * A journey that verifies the address later (a letter's code, a Post Office visit) leaves a PENDING profile,
     * which claims no SSN until {@link #activate} (the address verified); a phone-verified one is ACTIVE at once
     * and claims its SSN now. Either way an SSN another account already holds is refused here.
     *
     * @throws AccountsException.WrongPassword, AccountsException.Locked, AccountsException.DuplicateSsn,
     *                                          AccountsException.NoProfile (nothing in the vault)
     */
    public PersonalKey encryptProfile(AccountId account, JourneyId journey, String password) {
        boolean ownJourney = journeys.belongsTo(journey, account);
        ProofingPii pii = vault.find(journey).filter(found -> ownJourney && found.ssn() != null)
                .orElseThrow(() -> new AccountsException.NoProfile("No verified PII for this account's journey"));
        ContentKey passwordKey = accounts.unlockPassword(account, password);
        Fingerprints.Lookup ssn = fingerprints.ssn(pii.ssn());
        if (heldByAnotherAccount(ssn, account)) {
            throw new AccountsException.DuplicateSsn();
        }
        ProfileStatus status = journeys.verifiesAddressLater(journey) ? ProfileStatus.PENDING : ProfileStatus.ACTIVE;
        UUID profileId = UUID.randomUUID();
        PersonalKey personalKey = PersonalKeys.generate();
        SealedProfile sealed = seal(profileId, ssn.current(), pii, passwordKey, account, personalKey);
        Instant now = clock.instant();
        try {
            transactions.executeWithoutResult(tx -> {
                profiles.supersedeAll(account, now);
                profiles.insert(new AccountProfile(account, journey.value(), sealed, status, now));
            });
        } catch (DuplicateKeyException sameSsnAtTheSameMoment) {
            throw new AccountsException.DuplicateSsn();
        }
        vault.deleteAllButTheLetter(journey);
        log.info("Profile {} of account {} encrypted ({}); journey {} vault entry deleted", profileId, account, status,
                journey);
        return personalKey;
    }

    /** What {@link #activate} did. */
    public enum Activation {
        /** The profile is active, holds its SSN, and the account is verified at IAL2. */
        ACTIVATED,
        /** Another account's profile holds the SSN (it was activated first): this profile failed and holds nothing. */
        SSN_HELD_BY_ANOTHER_ACCOUNT
    }

    /**
     * The journey has verified the address (or the phone had before the password): its profile becomes active,
     * claims the SSN, and the account is recorded as verified by {@code pathway}, all in one transaction. Two
     * profiles of one SSN activated at once: the unique key on the claim lets one win; the other fails, holding
     * nothing. A repeat (a retried step) changes nothing.
     *
     * @throws AccountsException.NoProfile when the account has no profile of this journey to activate
     */
    public Activation activate(AccountId account, JourneyId journey, String pathway) {
        AccountProfile profile = profiles.findCurrent(account)
                .filter(found -> found.journeyId() == null || found.journeyId().equals(journey.value()))
                .orElseThrow(() -> new AccountsException.NoProfile("No profile of this journey to activate"));
        if (profile.status() == ProfileStatus.ACTIVE) {
            verifications.markVerified(account, journey, pathway);
            return Activation.ACTIVATED;
        }
        if (profile.status() != ProfileStatus.PENDING && profile.status() != ProfileStatus.EXPIRED) {
            throw new AccountsException.NoProfile("The journey's profile is " + profile.status());
        }
        // A transaction of its own: on PostgreSQL the refused claim aborts the transaction it ran in, and the
        // engine's job that calls this must still be able to record the outcome.
        try {
            ownTransaction.executeWithoutResult(tx -> {
                if (profiles.activate(profile.id(), clock.instant()) != 1) {
                    throw new IllegalStateException("Profile " + profile.id() + " changed while being activated");
                }
                verifications.markVerified(account, journey, pathway);
            });
        } catch (DuplicateKeyException anotherProfileHoldsTheSsn) {
            profiles.fail(profile.id(), clock.instant());
            log.warn("Profile {} of account {} not activated: another account's profile holds its SSN", profile.id(),
                    account);
            return Activation.SSN_HELD_BY_ANOTHER_ACCOUNT;
        }
        log.info("Profile {} of account {} activated; it holds its SSN", profile.id(), account);
        return Activation.ACTIVATED;
    }

    /**
     * The PII of the journey's pending (or expired) profile, opened with the password: what a new letter is sent
     * from. Wrong passwords count toward the account's password lockout, as at sign-in.
     *
     * @throws AccountsException.WrongPassword, AccountsException.Locked, AccountsException.NoProfile
     */
    public ProofingPii decryptPending(AccountId account, JourneyId journey, String password) {
        AccountProfile profile = profiles.findCurrent(account)
                .filter(found -> found.status() == ProfileStatus.PENDING || found.status() == ProfileStatus.EXPIRED)
                .filter(found -> journey.value().equals(found.journeyId()))
                .orElseThrow(() -> new AccountsException.NoProfile("No pending profile of this journey"));
        ContentKey passwordKey = accounts.unlockPassword(account, password);
        return ProofingPii.fromBytes(passwordKey.open(profile.piiCiphertext(), piiContext(profile.id())));
    }

    /** A new letter with a new code is on its way: the journey's expired profile is pending again (holding nothing). */
    public void renewPending(JourneyId journey) {
        profiles.renewExpired(journey.value(), clock.instant());
    }

    /** The journey's letter code expired: its pending profile is EXPIRED and holds nothing. */
    public void expirePending(JourneyId journey) {
        if (profiles.expirePending(journey.value(), clock.instant()) > 0) {
            log.info("The pending profile of journey {} expired with its letter's code", journey);
        }
    }

    /**
     * Whatever way a journey ends, a profile of it still pending (a failed or expired Post Office visit, an
     * abandoned letter) failed: it holds nothing, any claim written before pending profiles existed included.
     */
    @EventListener
    void journeyEnded(JourneyEnded ended) {
        if (profiles.failPending(ended.journey().value(), clock.instant()) > 0) {
            log.info("The pending profile of journey {} failed: the journey ended unverified", ended.journey());
        }
    }

    /** The profile's PII, for the user's own view or a consented share. @throws AccountsException.WrongPassword */
    public ProofingPii decrypt(AccountId account, String password) {
        AccountProfile profile = profiles.findCurrent(account).filter(p -> p.status() == ProfileStatus.ACTIVE)
                .orElseThrow(() -> new AccountsException.NoProfile("No active profile"));
        ContentKey passwordKey = accounts.unlockPassword(account, password);
        return ProofingPii.fromBytes(passwordKey.open(profile.piiCiphertext(), piiContext(profile.id())));
    }

    public Optional<ProfileStatus> status(AccountId account) {
        return profiles.findCurrent(account).map(AccountProfile::status);
    }

    /**
     * Whether another account's profile holds this SSN, under the current fingerprint key or an old one.
     * Fingerprints found under an old key are rewritten with the current one.
     */
    public boolean isDuplicateSsn(AccountId asking, String ssn) {
        return heldByAnotherAccount(fingerprints.ssn(ssn), asking);
    }

    /**
     * After a password reset: the personal key opens the recovery copy, the PII is sealed again under the
     * (new) password, and a new personal key replaces the used one. Wrong keys are throttled per account.
     *
     * @throws AccountsException.WrongPersonalKey, AccountsException.WrongPassword, AccountsException.Locked
     */
    public PersonalKey reactivate(AccountId account, String typedPersonalKey, String password) {
        AccountProfile profile = profiles.findCurrent(account).filter(p -> p.status() == ProfileStatus.PASSWORD_RESET)
                .orElseThrow(() -> new AccountsException.NoProfile("No profile awaiting recovery"));
        String subject = account.toString();
        // Reserved before the slow derivation, as confirmPersonalKey: parallel guesses cannot all pass a check made
        // before any of them was counted (20 at once evaluated 19 against a limit of 5).
        Throttles.Attempt attempt = throttles.reserve(subject, ThrottleType.PERSONAL_KEY);
        if (!attempt.admitted()) {
            throw new AccountsException.Locked("Personal key entry", attempt.status().lockedUntil().orElseThrow());
        }
        ContentKey passwordKey;
        try {
            passwordKey = accounts.unlockPassword(account, password);
        } catch (RuntimeException passwordRefused) {
            throttles.refund(subject, ThrottleType.PERSONAL_KEY); // the personal key was not tried
            throw passwordRefused;
        }
        Optional<ContentKey> recoveryKey = Accounts.unlessBusy(() -> accessKeys.unlock(
                PersonalKeys.normalize(typedPersonalKey), profile.recovery(), UserAccessKeys.Purpose.PERSONAL_KEY,
                account.value()), () -> throttles.refund(subject, ThrottleType.PERSONAL_KEY));
        if (recoveryKey.isEmpty()) {
            if (attempt.status().isLocked()) {
                throw new AccountsException.Locked("Personal key entry", attempt.status().lockedUntil().orElseThrow());
            }
            throw new AccountsException.WrongPersonalKey(attempt.status().remainingAttempts());
        }
        throttles.reset(subject, ThrottleType.PERSONAL_KEY);
        ProofingPii pii = ProofingPii.fromBytes(
                recoveryKey.get().open(profile.recoveryCiphertext(), recoveryContext(profile.id())));
        PersonalKey newPersonalKey = PersonalKeys.generate();
        // back to what it was: a profile awaiting its letter's code or the Post Office still awaits it
        profiles.reseal(seal(profile.id(), profile.ssnFingerprint(), pii, passwordKey, account, newPersonalKey),
                profile.statusAfterRecovery(), clock.instant());
        log.info("Profile {} of account {} recovered with the personal key; a new key was issued", profile.id(), account);
        history.record(account, AccountHistory.Kind.PERSONAL_KEY_RENEWED);
        notices.send(account, SecurityNotices.Notice.NEW_PERSONAL_KEY);
        return newPersonalKey;
    }

    /**
     * After a password reset without the personal key: the profile is deactivated (its PII can never be opened
     * again), the account is no longer verified, and its SSN is let go so its owner can verify again. Lockouts stay:
     * they belong to the person.
     */
    @Transactional
    public void deactivateAwaitingRecovery(AccountId account) {
        if (profiles.deactivateAwaitingRecovery(account, clock.instant()) > 0) {
            verifications.revoke(account);
            log.info("Account {}: the profile awaiting its personal key was deactivated; the account may verify again",
                    account);
            history.record(account, AccountHistory.Kind.PROFILE_DEACTIVATED);
            notices.send(account, SecurityNotices.Notice.PROFILE_DEACTIVATED);
        }
    }

    /** Whether the account's profile waits for its personal key after a password reset. */
    public boolean awaitsRecovery(AccountId account) {
        return status(account).filter(status -> status == ProfileStatus.PASSWORD_RESET).isPresent();
    }

    /**
     * Whether the person kept the personal key just issued: the typed key is checked against the current profile's
     * personal-key credential (one derivation), so nothing needs to hold a copy of the key to confirm it. Wrong keys
     * count per account like recovery's ({@link ThrottleType#PERSONAL_KEY}), before the derivation.
     *
     * @throws AccountsException.WrongPersonalKey, AccountsException.Locked, AccountsException.NoProfile
     */
    public void confirmPersonalKey(AccountId account, String typedPersonalKey) {
        AccountProfile profile = profiles.findCurrent(account)
                .orElseThrow(() -> new AccountsException.NoProfile("No profile to confirm a personal key for"));
        String subject = account.toString();
        Throttles.Attempt attempt = throttles.reserve(subject, ThrottleType.PERSONAL_KEY);
        if (!attempt.admitted()) {
            throw new AccountsException.Locked("Personal key entry", attempt.status().lockedUntil().orElseThrow());
        }
        if (Accounts.unlessBusy(() -> accessKeys.unlock(PersonalKeys.normalize(typedPersonalKey), profile.recovery(),
                UserAccessKeys.Purpose.PERSONAL_KEY, account.value()), () -> throttles.refund(subject,
                        ThrottleType.PERSONAL_KEY)).isEmpty()) {
            if (attempt.status().isLocked()) {
                throw new AccountsException.Locked("Personal key entry", attempt.status().lockedUntil().orElseThrow());
            }
            throw new AccountsException.WrongPersonalKey(attempt.status().remainingAttempts());
        }
        throttles.reset(subject, ThrottleType.PERSONAL_KEY);
    }

    /**
     * A new personal key for a person who did not keep the one shown (it is shown only once): the re-entered password
     * opens the profile, and its personal-key copy is sealed again under a new key. The old key stops working; the
     * password's copy is untouched.
     *
     * @throws AccountsException.WrongPassword, AccountsException.Locked, AccountsException.NoProfile
     */
    public PersonalKey replacePersonalKey(AccountId account, String password) {
        profiles.findCurrent(account).filter(p -> p.status() != ProfileStatus.PASSWORD_RESET)
                .orElseThrow(() -> new AccountsException.NoProfile("No profile the password opens"));
        ContentKey passwordKey = accounts.unlockPassword(account, password);
        // read after the password: an upgrade of its credential re-seals the profile
        AccountProfile profile = profiles.findCurrent(account).orElseThrow(
                () -> new AccountsException.NoProfile("No profile the password opens"));
        byte[] plaintext = passwordKey.open(profile.piiCiphertext(), piiContext(profile.id()));
        PersonalKey personalKey = PersonalKeys.generate();
        NewCredential recovery = accessKeys.create(personalKey.secret(), UserAccessKeys.Purpose.PERSONAL_KEY,
                account.value());
        profiles.replaceRecovery(profile.id(), recovery.key().seal(plaintext, recoveryContext(profile.id())),
                recovery.stored(), clock.instant());
        log.info("Profile {} of account {}: a new personal key replaced the one not kept", profile.id(), account);
        history.record(account, AccountHistory.Kind.PERSONAL_KEY_RENEWED);
        notices.send(account, SecurityNotices.Notice.NEW_PERSONAL_KEY);
        return personalKey;
    }

    private SealedProfile seal(UUID profileId, String ssnFingerprint, ProofingPii pii, ContentKey passwordKey,
            AccountId account, PersonalKey personalKey) {
        byte[] plaintext = pii.toBytes();
        NewCredential recovery = accessKeys.create(personalKey.secret(), UserAccessKeys.Purpose.PERSONAL_KEY,
                account.value());
        return new SealedProfile(profileId, ssnFingerprint, passwordKey.seal(plaintext, piiContext(profileId)),
                recovery.key().seal(plaintext, recoveryContext(profileId)), recovery.stored());
    }

    private boolean heldByAnotherAccount(Fingerprints.Lookup ssn, AccountId asking) {
        boolean duplicate = false;
        for (AccountProfile holder : profiles.findSsnHolders(ssn.candidates())) {
            if (ssn.isStale(holder.ssnFingerprint())) {
                rewrite(holder, ssn.current());
            }
            duplicate |= !holder.account().equals(asking);
        }
        return duplicate;
    }

    private void rewrite(AccountProfile holder, String current) {
        try {
            profiles.rewriteSsnFingerprint(holder.id(), current);
        } catch (DuplicateKeyException anotherProfileHoldsIt) {
            // A duplicate made before the rotation: left as it is for fraud review to settle.
            log.warn("Profile {} keeps its old SSN fingerprint: another profile holds the current one", holder.id());
        }
    }

    static String piiContext(UUID profileId) {
        return "profile:" + profileId;
    }

    private static String recoveryContext(UUID profileId) {
        return "profile-recovery:" + profileId;
    }
}
