package io.proofline.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.proofline.crypto.AttributeEncryptor;
import io.proofline.crypto.ContentKey;
import io.proofline.crypto.DerivationsBusyException;
import io.proofline.crypto.Fingerprints;
import io.proofline.vault.HeldPii;
import io.proofline.vault.ProofingPii;
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
    private final SecurityNotices notices;
    private final HeldPii held;
    private final RememberedBrowsers remembered;
    private final AccountHistory history;

    Accounts(AccountRepository accounts, AccountSessionRepository sessions, ProfileRepository profiles,
            UserAccessKeys accessKeys, AttributeEncryptor attributes, Fingerprints fingerprints, Throttles throttles,
            AccountsProperties properties, Clock clock, TransactionTemplate transactions, SecurityNotices notices,
            HeldPii held, RememberedBrowsers remembered, AccountHistory history) {
        this.history = history;
        this.notices = notices;
        this.remembered = remembered;
        this.held = held;
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

    /**
     * An account for an address whose control was proven elsewhere (a followed sign-up link, {@link SignUps}; tests
     * that need an account).
     *
     * @throws AccountsException.EmailAlreadyRegistered, AccountsException.PasswordTooShort
     */
    public AccountId signUp(String email, String password) {
        return register(email, password, () -> {
        });
    }

    /**
     * Derives the password's credential (the one slow step), then creates the account in one transaction with
     * {@code alsoInTransaction}, whose exception rolls the account back.
     */
    AccountId register(String email, String password, Runnable alsoInTransaction) {
        requireLongEnough(password);
        Fingerprints.Lookup fingerprint = fingerprints.email(email);
        if (accounts.findByEmailFingerprintIn(fingerprint.candidates()).isPresent()) {
            throw new AccountsException.EmailAlreadyRegistered();
        }
        AccountId id = new AccountId(UUID.randomUUID());
        NewCredential credential = accessKeys.create(password, UserAccessKeys.Purpose.PASSWORD, id.value());
        try {
            transactions.executeWithoutResult(tx -> {
                alsoInTransaction.run();
                accounts.insert(new Account(id, attributes.encrypt(email.strip(), emailContext(id)),
                        fingerprint.current(), credential.stored(), clock.instant()));
            });
        } catch (DuplicateKeyException concurrentSignUp) {
            throw new AccountsException.EmailAlreadyRegistered();
        }
        log.info("Account {} signed up", id);
        return id;
    }

    /** A signed-in session for an account that has just proven itself (its password was chosen a moment ago). */
    SessionToken openSession(AccountId id) {
        SessionToken session = SessionToken.random();
        Instant now = clock.instant();
        sessions.insert(new AccountSession(session.digest(), id, now, now.plus(properties.sessionTtl())));
        return session;
    }

    /**
     * Unknown emails and wrong passwords get the same answer. Failures are throttled per account (per email
     * fingerprint for emails without an account) and client, with waits that grow, so that wrong passwords from one
     * address never stop the owner at another; and per account across every client, a ceiling that only slows. Each
     * attempt is counted before its password is derived (reserved), so parallel attempts cannot pass the limit.
     *
     * @param client the client's address ({@code request.getRemoteAddr()}); only its fingerprint is kept
     */
    public SignInResult signIn(String email, String password, String client) {
        return signIn(email, password, client, false);
    }

    /**
     * The same; {@code forAnAgency}: the sign-in answers an agency's request, so an active verified profile is
     * decrypted with the key this derivation yields and held for the session ({@link SessionProfiles}).
     */
    public SignInResult signIn(String email, String password, String client, boolean forAnAgency) {
        Fingerprints.Lookup fingerprint = fingerprints.email(email);
        Optional<Account> account = accounts.findByEmailFingerprintIn(fingerprint.candidates());
        String owner = account.map(a -> a.id().toString()).orElse(fingerprint.current());
        String fromClient = clientSubject(owner, client);
        Throttles.Attempt here = throttles.reserve(fromClient, ThrottleType.SIGN_IN);
        if (!here.admitted()) {
            return new SignInResult.Locked(here.status().lockedUntil().orElseThrow());
        }
        Throttles.Attempt anywhere = throttles.reserve(owner, ThrottleType.SIGN_IN_ACCOUNT);
        if (!anywhere.admitted()) {
            throttles.refund(fromClient, ThrottleType.SIGN_IN);
            return new SignInResult.Locked(anywhere.status().lockedUntil().orElseThrow());
        }
        Runnable giveBack = () -> {
            throttles.refund(fromClient, ThrottleType.SIGN_IN);
            throttles.refund(owner, ThrottleType.SIGN_IN_ACCOUNT);
        };
        if (account.isEmpty()) {
            unlessBusy(() -> {
                accessKeys.checkAgainstNothing(password);
                return null;
            }, giveBack);
            return rejected(here.status(), anywhere.status());
        }
        Account found = account.get();
        Optional<ContentKey> key = unlessBusy(() -> accessKeys.unlock(password, found.password(),
                UserAccessKeys.Purpose.PASSWORD, found.id().value()), giveBack);
        if (key.isEmpty()) {
            return rejected(here.status(), anywhere.status());
        }
        throttles.reset(fromClient, ThrottleType.SIGN_IN);
        throttles.refund(owner, ThrottleType.SIGN_IN_ACCOUNT);
        upgradeIfLegacy(found, password, key.get());
        if (fingerprint.isStale(found.emailFingerprint())) {
            accounts.updateEmailFingerprint(found.id().value(), fingerprint.current());
        }
        SessionToken session = openSession(found.id());
        if (forAnAgency) {
            profiles.findCurrent(found.id()).filter(profile -> profile.status() == ProfileStatus.ACTIVE)
                    .ifPresent(profile -> SessionProfiles.holdAtSignIn(held, properties, session,
                            ProofingPii.fromBytes(key.get().open(profile.piiCiphertext(),
                                    Profiles.piiContext(profile.id())))));
        }
        log.info("Account {} signed in", found.id());
        return new SignInResult.SignedIn(found.id(), session);
    }

    /** The throttle's subject for one account (or email fingerprint) and one client: both opaque, never the address. */
    private String clientSubject(String owner, String client) {
        return owner + ":" + fingerprints.client(client).current().substring(0, 32);
    }

    /** The account of a session that is still valid, whatever it has proven so far. */
    public Optional<AccountId> signedIn(SessionToken session) {
        return session(session).map(SignedInSession::account);
    }

    /** A session that is still valid: whose, and what it has proven. */
    public Optional<SignedInSession> session(SessionToken session) {
        return sessions.findByTokenDigestAndExpiresAtAfter(session.digest(), clock.instant())
                .map(AccountSession::signedIn);
    }

    /**
     * The session proved a second method (the methods keep the password's {@code pwd} first). The first time, the
     * sign-in is complete: that is the sign-in the history shows (a password alone is half of one), once.
     */
    void upgradeSession(SessionToken session, Assurance assurance, String method) {
        Optional<SignedInSession> before = session(session);
        sessions.upgrade(session.digest(), assurance, "pwd," + method);
        before.filter(halfway -> !halfway.assurance().atLeast(Assurance.AAL2))
                .ifPresent(halfway -> history.record(halfway.account(), AccountHistory.Kind.SIGNED_IN));
    }

    public void signOut(SessionToken session) {
        sessions.deleteByTokenDigest(session.digest());
        SessionProfiles.forget(held, session);
    }

    /** The account's email, for mail the service sends. */
    public Optional<String> email(AccountId id) {
        return accounts.find(id).map(account -> attributes.decrypt(account.emailCiphertext(), emailContext(id)));
    }

    /**
     * Sets a new password once the person has proven control of the email ({@link PasswordResets}). The
     * profile's PII stays sealed under the old password, so it becomes inactive until the personal key
     * recovers it. Every session of the account ends.
     */
    public void resetPassword(AccountId id, String newPassword) {
        resetPassword(id, newPassword, () -> {
        });
    }

    /** The same, with {@code alsoInTransaction} (a reset link used), whose exception leaves everything as it was. */
    void resetPassword(AccountId id, String newPassword, Runnable alsoInTransaction) {
        requireLongEnough(newPassword);
        accounts.find(id).orElseThrow(() -> new AccountsException.NoSuchAccount());
        NewCredential credential = accessKeys.create(newPassword, UserAccessKeys.Purpose.PASSWORD, id.value());
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            alsoInTransaction.run();
            accounts.updatePassword(id, credential.stored(), now);
            profiles.markPasswordReset(id, now);
            sessions.deleteByAccount(id);
        });
        remembered.forgetAll(id); // a security event: the browsers remembered before count no more
        // Guesses at the old password say nothing about the new one. (Per-client waits are keyed by a fingerprint of
        // the client and are left to end on their own.)
        throttles.reset(id.toString(), ThrottleType.SIGN_IN);
        throttles.reset(id.toString(), ThrottleType.SIGN_IN_ACCOUNT);
        log.info("Account {} reset its password; its profile awaits the personal key", id);
    }

    /**
     * A new password, typed with the current one: the profile (verified or awaiting its address) is sealed again
     * under the new password in the same transaction, so it stays readable; its personal-key copy is untouched.
     *
     * @throws AccountsException.WrongPassword, AccountsException.Locked, AccountsException.PasswordTooShort
     */
    public void changePassword(AccountId id, String currentPassword, String newPassword) {
        requireLongEnough(newPassword);
        ContentKey current = unlockPassword(id, currentPassword);
        NewCredential credential = accessKeys.create(newPassword, UserAccessKeys.Purpose.PASSWORD, id.value());
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            accounts.updatePassword(id, credential.stored(), now);
            profiles.findCurrent(id).filter(profile -> profile.status() == ProfileStatus.ACTIVE
                    || profile.status() == ProfileStatus.PENDING || profile.status() == ProfileStatus.EXPIRED)
                    .ifPresent(profile -> {
                        String context = Profiles.piiContext(profile.id());
                        profiles.replacePiiCiphertext(profile.id(), profile.piiCiphertext(),
                                credential.key().seal(current.open(profile.piiCiphertext(), context), context));
                    });
        });
        log.info("Account {} changed its password; its profile is sealed under the new one", id);
        remembered.forgetAll(id);
        history.record(id, AccountHistory.Kind.PASSWORD_CHANGED);
        notices.send(id, SecurityNotices.Notice.PASSWORD_CHANGED);
    }

    /**
     * The password's content key, for a re-entry that goes on to encrypt or decrypt: the one derivation
     * both checks the password and yields the key. Failures count as sign-in failures.
     */
    ContentKey unlockPassword(AccountId id, String password) {
        String subject = id.toString();
        // The signed-in re-entry is a client of its own (only a signed-in session reaches it); it counts towards the
        // account's ceiling too, so that every evaluated password is within the bound on guesses.
        Throttles.Attempt here = throttles.reserve(subject, ThrottleType.SIGN_IN);
        if (!here.admitted()) {
            throw new AccountsException.Locked("Password entry", here.status().lockedUntil().orElseThrow());
        }
        Throttles.Attempt anywhere = throttles.reserve(subject, ThrottleType.SIGN_IN_ACCOUNT);
        if (!anywhere.admitted()) {
            throttles.refund(subject, ThrottleType.SIGN_IN);
            throw new AccountsException.Locked("Password entry", anywhere.status().lockedUntil().orElseThrow());
        }
        Account account = accounts.find(id).orElseThrow(() -> new AccountsException.NoSuchAccount());
        Optional<ContentKey> key = unlessBusy(() -> accessKeys.unlock(password, account.password(),
                UserAccessKeys.Purpose.PASSWORD, id.value()), () -> {
                    throttles.refund(subject, ThrottleType.SIGN_IN);
                    throttles.refund(subject, ThrottleType.SIGN_IN_ACCOUNT);
                });
        if (key.isEmpty()) {
            SignInResult after = rejected(here.status(), anywhere.status());
            if (after instanceof SignInResult.Locked locked) {
                throw new AccountsException.Locked("Password entry", locked.until());
            }
            throw new AccountsException.WrongPassword(((SignInResult.Rejected) after).remainingAttempts());
        }
        throttles.reset(subject, ThrottleType.SIGN_IN);
        throttles.refund(subject, ThrottleType.SIGN_IN_ACCOUNT);
        return upgradeIfLegacy(account, password, key.get());
    }

    /**
     * A check refused because every scrypt slot stayed busy evaluated nothing: the attempts reserved for it are given
     * back before the refusal goes on to the person's page ("try again in a moment").
     */
    static <T> T unlessBusy(Supplier<T> check, Runnable giveBack) {
        try {
            return check.get();
        } catch (DerivationsBusyException busy) {
            giveBack.run();
            throw busy;
        }
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

    void requireLongEnough(String password) {
        if (password == null || password.codePointCount(0, password.length()) < properties.minPasswordLength()) {
            throw new AccountsException.PasswordTooShort(properties.minPasswordLength());
        }
    }

    /** A wrong password's answer: the later wait if either throttle now waits, else the fewer tries left. */
    private static SignInResult rejected(ThrottleStatus fromClient, ThrottleStatus anywhere) {
        Optional<Instant> until = fromClient.lockedUntil();
        if (anywhere.lockedUntil().isPresent() && (until.isEmpty() || anywhere.lockedUntil().get().isAfter(until.get()))) {
            until = anywhere.lockedUntil();
        }
        return until.isPresent() ? new SignInResult.Locked(until.get())
                : new SignInResult.Rejected(Math.min(fromClient.remainingAttempts(), anywhere.remainingAttempts()));
    }

    static String emailContext(AccountId id) {
        return "account-email:" + id;
    }
}
