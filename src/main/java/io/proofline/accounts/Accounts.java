package io.proofline.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.proofline.crypto.AttributeEncryptor;
import io.proofline.crypto.ContentKey;
import io.proofline.crypto.Fingerprints;
import io.proofline.crypto.UserAccessKeys;
import io.proofline.crypto.UserAccessKeys.NewCredential;
import io.proofline.throttle.ThrottleStatus;
import io.proofline.throttle.ThrottleType;
import io.proofline.throttle.Throttles;

/**
 * Sign up, sign in, sign out, password reset. The email is stored sealed under the shared attribute key,
 * found by its HMAC fingerprint. The password is checked by deriving the user access key (scrypt + KMS):
 * one derivation per entry.
 */
@Service
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final AccountRepository accounts;
    private final AccountSessionRepository sessions;
    private final ProfileRepository profiles;
    private final UserAccessKeys accessKeys;
    private final AttributeEncryptor attributes;
    private final Fingerprints fingerprints;
    private final Throttles throttles;
    private final AccountsProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Accounts(AccountRepository accounts, AccountSessionRepository sessions, ProfileRepository profiles,
            UserAccessKeys accessKeys, AttributeEncryptor attributes, Fingerprints fingerprints, Throttles throttles,
            AccountsProperties properties, Clock clock, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.profiles = profiles;
        this.accessKeys = accessKeys;
        this.attributes = attributes;
        this.fingerprints = fingerprints;
        this.throttles = throttles;
        this.properties = properties;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** @throws AccountsException.EmailAlreadyRegistered, AccountsException.PasswordTooShort */
    public AccountId signUp(String email, String password) {
        requireLongEnough(password);
        Fingerprints.Lookup fingerprint = fingerprints.email(email);
        if (accounts.findByEmailFingerprintIn(fingerprint.candidates()).isPresent()) {
            throw new AccountsException.EmailAlreadyRegistered();
        }
        AccountId id = new AccountId(UUID.randomUUID());
        NewCredential credential = accessKeys.create(password, UserAccessKeys.Purpose.PASSWORD, id.value());
        try {
            accounts.insert(new Account(id, attributes.encrypt(email.strip(), emailContext(id)), fingerprint.current(),
                    credential.stored(), clock.instant()));
        } catch (DuplicateKeyException concurrentSignUp) {
            throw new AccountsException.EmailAlreadyRegistered();
        }
        log.info("Account {} signed up", id);
        return id;
    }

    /**
     * Unknown emails and wrong passwords get the same answer. Failures are throttled per account, and per
     * email fingerprint for emails without an account.
     */
    public SignInResult signIn(String email, String password) {
        Fingerprints.Lookup fingerprint = fingerprints.email(email);
        Optional<Account> account = accounts.findByEmailFingerprintIn(fingerprint.candidates());
        String subject = account.map(a -> a.id().toString()).orElse(fingerprint.current());
        ThrottleStatus status = throttles.check(subject, ThrottleType.SIGN_IN);
        if (status.isLocked()) {
            return new SignInResult.Locked(status.lockedUntil().orElseThrow());
        }
        if (account.isEmpty()) {
            accessKeys.checkAgainstNothing(password);
            return rejected(throttles.recordFailure(subject, ThrottleType.SIGN_IN));
        }
        Account found = account.get();
        Optional<ContentKey> key = accessKeys.unlock(password, found.password(), UserAccessKeys.Purpose.PASSWORD,
                found.id().value());
        if (key.isEmpty()) {
            return rejected(throttles.recordFailure(subject, ThrottleType.SIGN_IN));
        }
        throttles.reset(subject, ThrottleType.SIGN_IN);
        upgradeIfLegacy(found, password, key.get());
        if (fingerprint.isStale(found.emailFingerprint())) {
            accounts.updateEmailFingerprint(found.id().value(), fingerprint.current());
        }
        SessionToken session = SessionToken.random();
        Instant now = clock.instant();
        sessions.insert(new AccountSession(session.digest(), found.id(), now, now.plus(properties.sessionTtl())));
        log.info("Account {} signed in", found.id());
        return new SignInResult.SignedIn(found.id(), session);
    }

    public Optional<AccountId> signedIn(SessionToken session) {
        return sessions.findByTokenDigestAndExpiresAtAfter(session.digest(), clock.instant())
                .map(AccountSession::accountId);
    }

    public void signOut(SessionToken session) {
        sessions.deleteByTokenDigest(session.digest());
    }

    /** The account's email, for mail the service sends. */
    public Optional<String> email(AccountId id) {
        return accounts.find(id).map(account -> attributes.decrypt(account.emailCiphertext(), emailContext(id)));
    }

    /**
     * Sets a new password once the person has proven control of the email (a later issue's link). The
     * profile's PII stays sealed under the old password, so it becomes inactive until the personal key
     * recovers it. Every session of the account ends.
     */
    public void resetPassword(AccountId id, String newPassword) {
        requireLongEnough(newPassword);
        accounts.find(id).orElseThrow(() -> new AccountsException.NoSuchAccount());
        NewCredential credential = accessKeys.create(newPassword, UserAccessKeys.Purpose.PASSWORD, id.value());
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            accounts.updatePassword(id, credential.stored(), now);
            profiles.markPasswordReset(id, now);
            sessions.deleteByAccount(id);
        });
        throttles.reset(id.toString(), ThrottleType.SIGN_IN);
        log.info("Account {} reset its password; its profile awaits the personal key", id);
    }

    /**
     * The password's content key, for a re-entry that goes on to encrypt or decrypt: the one derivation
     * both checks the password and yields the key. Failures count as sign-in failures.
     */
    ContentKey unlockPassword(AccountId id, String password) {
        String subject = id.toString();
        ThrottleStatus status = throttles.check(subject, ThrottleType.SIGN_IN);
        if (status.isLocked()) {
            throw new AccountsException.Locked("Password entry", status.lockedUntil().orElseThrow());
        }
        Account account = accounts.find(id).orElseThrow(() -> new AccountsException.NoSuchAccount());
        Optional<ContentKey> key = accessKeys.unlock(password, account.password(), UserAccessKeys.Purpose.PASSWORD,
                id.value());
        if (key.isEmpty()) {
            ThrottleStatus after = throttles.recordFailure(subject, ThrottleType.SIGN_IN);
            if (after.isLocked()) {
                throw new AccountsException.Locked("Password entry", after.lockedUntil().orElseThrow());
            }
            throw new AccountsException.WrongPassword(after.remainingAttempts());
        }
        throttles.reset(subject, ThrottleType.SIGN_IN);
        return upgradeIfLegacy(account, password, key.get());
    }

    /**
     * A password credential of the previous version (a KMS-wrapped random: after one KMS decrypt, guesses
     * needed no KMS) is replaced, at its first successful use, by one the KMS takes part in at every
     * derivation; the active profile's PII, sealed under the old key, is sealed again under the new one, in
     * the same transaction. Costs one more derivation and KMS call, once per account. Returns the key that
     * opens the profile from now on.
     */
    private ContentKey upgradeIfLegacy(Account account, String password, ContentKey legacyKey) {
        if (accessKeys.isCurrent(account.password())) {
            return legacyKey;
        }
        NewCredential upgraded = accessKeys.create(password, UserAccessKeys.Purpose.PASSWORD, account.id().value());
        boolean upgradedHere = Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!accounts.upgradePassword(account.id().value(), account.password().digest(), upgraded.stored())) {
                return false;
            }
            profiles.findCurrent(account.id()).filter(profile -> profile.status() == ProfileStatus.ACTIVE)
                    .ifPresent(profile -> {
                        String context = Profiles.piiContext(profile.id());
                        profiles.replacePiiCiphertext(profile.id(), profile.piiCiphertext(),
                                upgraded.key().seal(legacyKey.open(profile.piiCiphertext(), context), context));
                    });
            return true;
        }));
        if (!upgradedHere) { // a concurrent entry of the same password upgraded it first: its key is the one
            Account now = accounts.find(account.id()).orElseThrow(() -> new AccountsException.NoSuchAccount());
            return accessKeys.unlock(password, now.password(), UserAccessKeys.Purpose.PASSWORD, account.id().value())
                    .orElseThrow(() -> new IllegalStateException("The upgraded credential refuses its password"));
        }
        log.info("Account {}: password credential upgraded to the KMS MAC version", account.id());
        return upgraded.key();
    }

    private void requireLongEnough(String password) {
        if (password == null || password.codePointCount(0, password.length()) < properties.minPasswordLength()) {
            throw new AccountsException.PasswordTooShort(properties.minPasswordLength());
        }
    }

    private static SignInResult rejected(ThrottleStatus status) {
        return status.isLocked() ? new SignInResult.Locked(status.lockedUntil().orElseThrow())
                : new SignInResult.Rejected(status.remainingAttempts());
    }

    static String emailContext(AccountId id) {
        return "account-email:" + id;
    }
}
