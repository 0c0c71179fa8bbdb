package io.proofline.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.proofline.crypto.UserAccessKeys.StoredCredential;
import io.proofline.support.Concurrently;
import io.proofline.support.PostgresIntegrationTest;

class AccountsOnPostgresTest extends PostgresIntegrationTest {

    @Autowired
    MeterRegistry meters;

    static final String PASSWORD = "correct horse battery staple";

    @Autowired
    Accounts accounts;

    @Autowired
    AccountRepository accountRepository;

    @Autowired
    AccountSessionRepository sessions;

    @Autowired
    JdbcClient jdbc;

    @Value("${proofline.crypto.fingerprint.old-keys}")
    String oldFingerprintKey;

    private final String email = "pat." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

    @Test
    void signUpSignInAndSignOut() {
        AccountId account = accounts.signUp(email, PASSWORD);

        SignInResult result = accounts.signIn(email.toUpperCase(), PASSWORD, "203.0.113.7");

        assertThat(result).isInstanceOfSatisfying(SignInResult.SignedIn.class, signedIn -> {
            assertThat(signedIn.account()).isEqualTo(account);
            assertThat(accounts.signedIn(signedIn.session())).contains(account);
            accounts.signOut(signedIn.session());
            assertThat(accounts.signedIn(signedIn.session())).isEmpty();
        });
        assertThat(accounts.email(account)).contains(email);
    }

    @Test
    void theEmailIsStoredSealedAndFoundByItsFingerprint() {
        AccountId account = accounts.signUp(email, PASSWORD);

        var row = jdbc.sql("select * from account where id = ?").param(account.value()).query().singleRow();

        assertThat(row.values().toString()).doesNotContain(email).doesNotContain(email.substring(0, 12));
        assertThat((String) row.get("email_fingerprint")).hasSize(64);
    }

    @Test
    void aSecondAccountForTheSameEmailIsRefused() {
        accounts.signUp(email, PASSWORD);

        assertThatThrownBy(() -> accounts.signUp(" " + email.toUpperCase(), "another long password"))
                .isInstanceOf(AccountsException.EmailAlreadyRegistered.class).hasMessageNotContaining(email);
    }

    @Test
    void shortPasswordsAreRefused() {
        assertThatThrownBy(() -> accounts.signUp(email, "short")).isInstanceOf(AccountsException.PasswordTooShort.class);
    }

    @Test
    void wrongPasswordsAreRejectedAndTheFifthLocksSignInEvenWithTheRightOne() {
        accounts.signUp(email, PASSWORD);

        for (int remaining = 4; remaining >= 1; remaining--) {
            assertThat(accounts.signIn(email, "wrong password " + remaining, "203.0.113.7")).isEqualTo(new SignInResult.Rejected(remaining));
        }
        assertThat(accounts.signIn(email, "wrong password 0", "203.0.113.7")).isInstanceOf(SignInResult.Locked.class);

        assertThat(accounts.signIn(email, PASSWORD, "203.0.113.7")).isInstanceOf(SignInResult.Locked.class);
    }

    @Test
    void fiveWrongPasswordsFromOneAddressDoNotStopTheOwnerSigningInFromAnother() {
        AccountId account = accounts.signUp(email, PASSWORD);
        for (int guess = 0; guess < 5; guess++) {
            accounts.signIn(email, "a stranger's guess " + guess, "198.51.100.66");
        }
        assertThat(accounts.signIn(email, PASSWORD, "198.51.100.66")).as("the stranger's address waits")
                .isInstanceOf(SignInResult.Locked.class);

        assertThat(accounts.signIn(email, PASSWORD, "203.0.113.7")).as("the owner, at home")
                .isInstanceOfSatisfying(SignInResult.SignedIn.class, in -> assertThat(in.account()).isEqualTo(account));
    }

    @Test
    void wrongPasswordsFromManyAddressesOnlySlowTheAccountForAMinuteAtFirst() {
        accounts.signUp(email, PASSWORD);
        for (int address = 1; address <= 20; address++) {
            accounts.signIn(email, "a guess from a botnet", "198.51.100." + address);
        }

        SignInResult owner = accounts.signIn(email, PASSWORD, "203.0.113.7");

        assertThat(owner).as("a wait, not a lockout").isInstanceOfSatisfying(SignInResult.Locked.class, slowed ->
                assertThat(slowed.until()).isBetween(Instant.now(), Instant.now().plus(Duration.ofMinutes(1))));
    }

    /** Issue 16: the lock was checked before the slow derivation and the failure counted after it. */
    @Test
    void wrongPasswordsSentAtOnceAreEvaluatedNoMoreThanTheLimitAllows() {
        accounts.signUp(email, PASSWORD);
        double derivations = meters.get("proofline.crypto.scrypt.derivations").tag("purpose", "password").counter().count();

        List<SignInResult> results = Concurrently.run(8, 8, () -> accounts.signIn(email, "parallel guess", "198.51.100.7"));

        assertThat(meters.get("proofline.crypto.scrypt.derivations").tag("purpose", "password").counter().count())
                .as("five passwords derived, the other three refused before any work").isEqualTo(derivations + 5);
        assertThat(results).filteredOn(SignInResult.Locked.class::isInstance).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void unknownEmailsGetTheSameAnswerAndAreThrottledToo() {
        double derivations = meters.get("proofline.crypto.scrypt.derivations").tag("purpose", "password").counter().count();
        for (int remaining = 4; remaining >= 1; remaining--) {
            assertThat(accounts.signIn(email, PASSWORD, "203.0.113.7")).isEqualTo(new SignInResult.Rejected(remaining));
        }
        assertThat(meters.get("proofline.crypto.scrypt.derivations").tag("purpose", "password").counter().count())
                .as("each answer costs a password check, as for a registered email").isEqualTo(derivations + 4);
        assertThat(accounts.signIn(email, PASSWORD, "203.0.113.7")).isInstanceOf(SignInResult.Locked.class);
    }

    @Test
    void anEmailFingerprintUnderTheOldKeyStillSignsInAndIsRewrittenWithTheCurrentKey() throws Exception {
        AccountId account = accounts.signUp(email, PASSWORD);
        String current = fingerprintOf(account);
        String underOldKey = hmac(Base64.getDecoder().decode(oldFingerprintKey), "email:" + email);
        jdbc.sql("update account set email_fingerprint = ? where id = ?").params(underOldKey, account.value()).update();

        assertThat(accounts.signIn(email, PASSWORD, "203.0.113.7")).isInstanceOf(SignInResult.SignedIn.class);

        assertThat(fingerprintOf(account)).isEqualTo(current).isNotEqualTo(underOldKey);
    }

    @Test
    void aPasswordResetEndsEverySessionAndTheOldPasswordStopsWorking() {
        AccountId account = accounts.signUp(email, PASSWORD);
        SignInResult.SignedIn before = (SignInResult.SignedIn) accounts.signIn(email, PASSWORD, "203.0.113.7");

        accounts.resetPassword(account, "a brand new long password");

        assertThat(accounts.signedIn(before.session())).isEmpty();
        assertThat(accounts.signIn(email, PASSWORD, "203.0.113.7")).isInstanceOf(SignInResult.Rejected.class);
        assertThat(accounts.signIn(email, "a brand new long password", "203.0.113.7")).isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void theEmailFingerprintsUniqueKeyRefusesASecondAccountAsADuplicateKey() {
        AccountId account = accounts.signUp(email, PASSWORD);
        StoredCredential credential = accountRepository.find(account).orElseThrow().password();

        assertThatThrownBy(() -> accountRepository.insert(new Account(new AccountId(UUID.randomUUID()), "sealed",
                fingerprintOf(account), credential, Instant.now())))
                .as("a sign-up at the same moment on another node").isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aSessionPastItsExpirySignsNobodyInAndSigningOutTwiceChangesNothing() {
        AccountId account = accounts.signUp(email, PASSWORD);
        SessionToken expired = SessionToken.random();
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        sessions.insert(new AccountSession(expired.digest(), account, anHourAgo, anHourAgo.plus(Duration.ofMinutes(15))));

        assertThat(accounts.signedIn(expired)).isEmpty();
        accounts.signOut(expired);
        accounts.signOut(expired);
        assertThat(jdbc.sql("select count(*) from account_session where token_digest = ?").param(expired.digest())
                .query(Long.class).single()).isZero();
    }

    private String fingerprintOf(AccountId account) {
        return jdbc.sql("select email_fingerprint from account where id = ?").param(account.value()).query(String.class).single();
    }

    static String hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
