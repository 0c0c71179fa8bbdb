package io.proofline.accounts;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.proofline.accounts.SecondFactors.CodeCheck;
import io.proofline.support.DatabaseScan;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.vendors.VendorStubServer;

/**
 * A phone as a second method and "Remember this browser" on PostgreSQL: what is kept of the number and of the token,
 * what a remembered browser proves, and what makes it count no more.
 */
class RememberedBrowsersOnPostgresTest extends PostgresIntegrationTest {

    static final String PASSWORD = "correct horse battery staple";

    @Autowired Accounts accounts;
    @Autowired SecondFactors secondFactors;
    @Autowired RememberedBrowsers remembered;
    @Autowired JdbcClient jdbc;
    @Autowired VendorStubServer stubs;

    private String email;
    private AccountId account;
    private SessionToken session;

    @BeforeEach
    void aSessionPastThePasswordOnly() {
        email = "remember." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        account = accounts.signUp(email, PASSWORD);
        session = signIn();
    }

    private SessionToken signIn() {
        return ((SignInResult.SignedIn) accounts.signIn(email, PASSWORD, "203.0.113.9")).session();
    }

    /** The newest code the telephony stub was asked to send to this number, and how. */
    private JsonNode lastSentTo(String e164) throws Exception {
        List<LoggedRequest> sent = stubs.server().findAll(postRequestedFor(urlEqualTo("/telephony/v1/messages")));
        for (int i = sent.size() - 1; i >= 0; i--) {
            JsonNode body = new ObjectMapper().readTree(sent.get(i).getBodyAsString());
            if (body.get("to").asText().equals(e164)) {
                return body;
            }
        }
        throw new AssertionError("Nothing was sent to the phone");
    }

    private Assurance assurance(SessionToken token) {
        return accounts.session(token).orElseThrow().assurance();
    }

    @Test
    void aPhoneIsKeptOnlySealedShowsItsLastTwoDigitsAndItsCodesProveTheSessionOnceAsSmsOrTel() throws Exception {
        String digits = "802555" + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
        String e164 = "+1" + digits;
        SecondFactors.PhoneSend sent = secondFactors.beginPhone(account, "(" + digits.substring(0, 3) + ") "
                + digits.substring(3, 6) + "-" + digits.substring(6), PhoneCodeSender.Channel.SMS);
        assertThat(sent).isInstanceOf(SecondFactors.PhoneSend.Sent.class);
        UUID phone = ((SecondFactors.PhoneSend.Sent) sent).method();
        assertThat(((SecondFactors.PhoneSend.Sent) sent).ending()).isEqualTo(digits.substring(8));
        String firstCode = lastSentTo(e164).get("code").asText();
        assertThat(firstCode).matches("\\d{6}");
        assertThat(jdbc.sql("select code_fingerprint from phone_code where method_id = ?").param(phone)
                .query(String.class).single()).as("the code only as its HMAC").matches("[0-9a-f]{64}")
                .doesNotContain(firstCode);

        assertThat(secondFactors.confirmPhone(account, session, phone, firstCode, ""))
                .isEqualTo(new CodeCheck.Accepted(MethodKind.PHONE, "sms"));
        assertThat(accounts.session(session).orElseThrow().methods()).containsExactly("pwd", "sms");
        assertThat(secondFactors.methods(account)).singleElement()
                .satisfies(method -> assertThat(method.phoneEnding()).isEqualTo(digits.substring(8)));
        assertThat(secondFactors.beginPhone(account, digits, PhoneCodeSender.Channel.SMS)).as("the same number again")
                .isInstanceOf(SecondFactors.PhoneSend.AlreadyAdded.class);

        SessionToken next = signIn();
        assertThat(secondFactors.sendSignInCode(account, phone, PhoneCodeSender.Channel.VOICE))
                .isInstanceOf(SecondFactors.PhoneSend.Sent.class);
        JsonNode call = lastSentTo(e164);
        assertThat(call.get("channel").asText()).isEqualTo("VOICE");
        assertThat(secondFactors.verify(account, next, firstCode)).as("a used code").isInstanceOf(CodeCheck.Wrong.class);
        assertThat(secondFactors.verify(account, next, call.get("code").asText()))
                .isEqualTo(new CodeCheck.Accepted(MethodKind.PHONE, "tel"));
        assertThat(accounts.session(next).orElseThrow().methods()).containsExactly("pwd", "tel");
        assertThat(secondFactors.verify(account, signIn(), call.get("code").asText())).as("single use")
                .isInstanceOf(CodeCheck.Wrong.class);

        RememberedBrowsers.Token token = remembered.remember(account, MethodKind.PHONE, "tel");
        for (String secret : List.of(digits, e164, digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-"
                + digits.substring(6), token.value())) {
            assertThat(new DatabaseScan(jdbc).columnsHolding(secret)).as("columns holding " + secret).isEmpty();
        }
        assertThat(jdbc.sql("select count(*) from remembered_browser where token_digest = ? and account_id = ?")
                .params(SessionToken.sha256(token.value()), account.value()).query(Long.class).single())
                .as("the token only as its SHA-256").isEqualTo(1);
    }

    @Test
    void aRememberedBrowserSkipsTheSecondStepAsTheMethodItWasRememberedWithUntilItExpires() {
        secondFactors.addBackupCodes(account, session);
        RememberedBrowsers.Token token = remembered.remember(account, MethodKind.BACKUP_CODES, "kba");
        assertThat(token.validity()).isEqualTo(java.time.Duration.ofDays(30));

        SessionToken later = signIn();
        assertThat(assurance(later)).isEqualTo(Assurance.AAL1);
        assertThat(remembered.recognize(account, later, token.value())).isTrue();
        assertThat(accounts.session(later).orElseThrow()).satisfies(proven -> {
            assertThat(proven.assurance()).isEqualTo(Assurance.AAL2);
            assertThat(proven.methods()).containsExactly("pwd", "kba");
        });

        AccountId stranger = accounts.signUp("other." + email, PASSWORD);
        SessionToken strangers = ((SignInResult.SignedIn) accounts.signIn("other." + email, PASSWORD, "203.0.113.9"))
                .session();
        assertThat(remembered.recognize(stranger, strangers, token.value())).as("another account's browser").isFalse();
        assertThat(remembered.recognize(account, signIn(), "not-a-token")).isFalse();

        jdbc.sql("update remembered_browser set expires_at = ? where token_digest = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), SessionToken.sha256(token.value())).update();
        SessionToken afterExpiry = signIn();
        assertThat(remembered.recognize(account, afterExpiry, token.value())).as("expired").isFalse();
        assertThat(assurance(afterExpiry)).isEqualTo(Assurance.AAL1);
    }

    @Test
    void aPasswordChangeOrResetAndAddingOrRemovingAMethodForgetEveryRememberedBrowser() {
        secondFactors.addBackupCodes(account, session);
        RememberedBrowsers.Token first = remembered.remember(account, MethodKind.BACKUP_CODES, "kba");
        RememberedBrowsers.Token second = remembered.remember(account, MethodKind.BACKUP_CODES, "kba");

        accounts.changePassword(account, PASSWORD, PASSWORD + " again");
        accounts.changePassword(account, PASSWORD + " again", PASSWORD);
        assertThat(remembered.recognize(account, signIn(), first.value())).as("after a password change").isFalse();
        assertThat(remembered.recognize(account, signIn(), second.value())).as("every browser").isFalse();

        RememberedBrowsers.Token beforeAdding = remembered.remember(account, MethodKind.BACKUP_CODES, "kba");
        secondFactors.addBackupCodes(account, session);
        assertThat(remembered.recognize(account, signIn(), beforeAdding.value())).as("after a method added").isFalse();

        RememberedBrowsers.Token beforeRemoving = remembered.remember(account, MethodKind.BACKUP_CODES, "kba");
        secondFactors.remove(account, secondFactors.methods(account).get(0).id());
        assertThat(remembered.recognize(account, signIn(), beforeRemoving.value())).as("after a method removed").isFalse();

        RememberedBrowsers.Token beforeReset = remembered.remember(account, MethodKind.BACKUP_CODES, "kba");
        accounts.resetPassword(account, PASSWORD);
        assertThat(remembered.recognize(account, signIn(), beforeReset.value())).as("after a password reset").isFalse();

        RememberedBrowsers.Token beforeTheButton = remembered.remember(account, MethodKind.BACKUP_CODES, "kba");
        remembered.forgetAll(account);
        assertThat(remembered.recognize(account, signIn(), beforeTheButton.value())).isFalse();
    }
}
