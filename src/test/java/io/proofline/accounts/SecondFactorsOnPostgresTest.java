package io.proofline.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.proofline.accounts.SecondFactors.CodeCheck;
import io.proofline.support.Concurrently;
import io.proofline.support.PostgresIntegrationTest;

/** The second methods on PostgreSQL: what proves a session, what is kept of a method, and how guesses are bounded. */
class SecondFactorsOnPostgresTest extends PostgresIntegrationTest {

    static final String PASSWORD = "correct horse battery staple";

    @Autowired Accounts accounts;
    @Autowired SecondFactors secondFactors;
    @Autowired JdbcClient jdbc;
    @Autowired io.proofline.vendors.VendorStubServer stubs;

    private AccountId account;
    private SessionToken session;

    @BeforeEach
    void aSessionPastThePasswordOnly() {
        String email = "mfa." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        account = accounts.signUp(email, PASSWORD);
        session = ((SignInResult.SignedIn) accounts.signIn(email, PASSWORD, "203.0.113.9")).session();
        assertThat(accounts.session(session).orElseThrow().assurance()).isEqualTo(Assurance.AAL1);
    }

    private static String codeNow(SecondFactors.AppBeingAdded app) {
        SecretKeySpec key = new SecretKeySpec(new Base32().decode(app.key().replace(" ", "")), "HmacSHA1");
        return SecondFactors.appCode(key, Instant.now().getEpochSecond() / 30);
    }

    @Test
    void anAppsFirstRightCodeAddsItAndProvesTheSessionAndItsKeyIsKeptOnlySealed() {
        SecondFactors.AppBeingAdded app = secondFactors.beginApp(account);
        assertThat(secondFactors.hasAny(account)).as("not before its first code").isFalse();
        assertThat(secondFactors.confirmApp(account, session, app.method(), "000000", "My phone"))
                .isInstanceOf(CodeCheck.Wrong.class);

        assertThat(secondFactors.confirmApp(account, session, app.method(), codeNow(app), "My phone"))
                .isEqualTo(new CodeCheck.Accepted(MethodKind.AUTHENTICATION_APP));

        assertThat(accounts.session(session).orElseThrow()).satisfies(proven -> {
            assertThat(proven.assurance()).isEqualTo(Assurance.AAL2);
            assertThat(proven.methods()).containsExactly("pwd", "otp");
        });
        assertThat(io.proofline.support.SentEmails.newestTo(stubs.server(), email()).subject())
                .as("the owner is told").isEqualTo("A new way to sign in was added");
        assertThat(secondFactors.methods(account)).singleElement().satisfies(method -> {
            assertThat(method.kind()).isEqualTo(MethodKind.AUTHENTICATION_APP);
            assertThat(method.name()).isEqualTo("My phone");
        });
        String key = app.key().replace(" ", "");
        assertThat(jdbc.sql("select count(*) from auth_method where secret_ciphertext like :key or name_ciphertext like '%My phone%'")
                .param("key", "%" + key + "%").query(Long.class).single()).isZero();
    }

    @Test
    void anAppsCodeSignsInOnceAndNotAgainWithinItsPeriod() {
        SecondFactors.AppBeingAdded app = secondFactors.beginApp(account);
        secondFactors.confirmApp(account, session, app.method(), codeNow(app), "");
        SessionToken next = ((SignInResult.SignedIn) accounts.signIn(email(), PASSWORD, "203.0.113.9")).session();

        // the code that added the app was of this period: it cannot sign in again (nor can anyone who saw it)
        assertThat(secondFactors.verify(account, next, codeNow(app))).isInstanceOf(CodeCheck.Wrong.class);
        assertThat(accounts.session(next).orElseThrow().assurance()).isEqualTo(Assurance.AAL1);
    }

    private String email() {
        return accounts.email(account).orElseThrow();
    }

    @Test
    void eachBackupCodeSignsInOnceTypedAnyWay() {
        List<String> codes = secondFactors.addBackupCodes(account, session);
        assertThat(codes).hasSize(10).allMatch(code -> code.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
        SessionToken next = ((SignInResult.SignedIn) accounts.signIn(email(), PASSWORD, "203.0.113.9")).session();

        assertThat(secondFactors.verify(account, next, " " + codes.get(3).toLowerCase().replace("-", " ") + " "))
                .isEqualTo(new CodeCheck.Accepted(MethodKind.BACKUP_CODES));
        assertThat(accounts.session(next).orElseThrow().methods()).containsExactly("pwd", "kba");
        SessionToken later = ((SignInResult.SignedIn) accounts.signIn(email(), PASSWORD, "203.0.113.9")).session();
        assertThat(secondFactors.verify(account, later, codes.get(3))).isInstanceOf(CodeCheck.Wrong.class);
        assertThat(secondFactors.methods(account).get(0).backupCodesLeft()).isEqualTo(9);
        for (String code : codes) {
            assertThat(jdbc.sql("select count(*) from backup_code where code_fingerprint like :c")
                    .param("c", "%" + code.replace("-", "") + "%").query(Long.class).single()).isZero();
        }
    }

    @Test
    void twentyCodesAtOnceAreTwentyAttemptsAndOnlyTenAreChecked() {
        secondFactors.addBackupCodes(account, session);
        SessionToken next = ((SignInResult.SignedIn) accounts.signIn(email(), PASSWORD, "203.0.113.9")).session();

        List<CodeCheck> checks = Concurrently.run(20, 20, () -> secondFactors.verify(account, next, "0000-0000-0000"));

        assertThat(checks.stream().filter(CodeCheck.Wrong.class::isInstance).count()).isEqualTo(9);
        assertThat(checks.stream().filter(CodeCheck.Paused.class::isInstance).count())
                .as("the tenth wrong code pauses, and the ten after it are not checked").isEqualTo(11);
    }

    @Test
    void theLastMethodCannotBeRemovedButAnotherCan() {
        secondFactors.addBackupCodes(account, session);
        UUID codes = secondFactors.methods(account).get(0).id();
        assertThatThrownBy(() -> secondFactors.remove(account, codes)).isInstanceOf(AccountsException.LastMethod.class);

        SecondFactors.AppBeingAdded app = secondFactors.beginApp(account);
        secondFactors.confirmApp(account, session, app.method(), codeNow(app), "Laptop");
        secondFactors.rename(account, app.method(), "Work laptop");
        secondFactors.remove(account, codes);

        assertThat(secondFactors.methods(account)).extracting(SecondFactors.Method::name).containsExactly("Work laptop");
        assertThat(jdbc.sql("select count(*) from backup_code where method_id = :m").param("m", codes)
                .query(Long.class).single()).as("its codes went with it").isZero();
        assertThatThrownBy(() -> secondFactors.remove(account, app.method())).isInstanceOf(AccountsException.LastMethod.class);
    }
}
