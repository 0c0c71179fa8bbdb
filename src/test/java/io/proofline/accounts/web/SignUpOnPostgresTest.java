package io.proofline.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.proofline.accounts.Accounts;
import io.proofline.support.Concurrently;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.SentEmails;
import io.proofline.support.SignInOverHttp;
import io.proofline.support.SignInOverHttp.Page;
import io.proofline.vendors.VendorStubServer;

/**
 * Sign-up over real HTTP on PostgreSQL: the email's link, read from the vendor stub's journal as a mailbox would
 * show it, is what opens the password step; nothing on the page tells whether an address has an account.
 */
class SignUpOnPostgresTest extends PostgresIntegrationTest {

    private static final String PASSWORD = "a long and honest passphrase";

    @LocalServerPort int port;
    @Autowired VendorStubServer stubs;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private SignInOverHttp browser;

    @BeforeEach
    void aBrowser() {
        browser = new SignInOverHttp("http://localhost:" + port);
    }

    private static String anEmail() {
        return "signup." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** POST /sign-up from a fresh page; the response and the page it leads to. */
    private record Asked(HttpResponse<String> response, Page next) {
    }

    private Asked askForALink(String email) throws Exception {
        Page form = browser.get("/sign-up", null);
        HttpResponse<String> asked = browser.post("/sign-up", form.sessionCookie(), "_csrf", form.formToken(), "email", email);
        String location = asked.headers().firstValue("Location").orElse(null);
        Page next = location == null ? null
                : browser.get(location.replaceFirst("^https?://[^/]+", ""), SignInOverHttp.sessionCookie(asked).orElse(form.sessionCookie()));
        return new Asked(asked, next);
    }

    @Test
    void theLinkInTheEmailOpensThePasswordStepOnceAndTheAccountIsSignedIn() throws Exception {
        String email = anEmail();
        Asked asked = askForALink(email);
        assertThat(asked.response().statusCode()).isEqualTo(302);
        assertThat(asked.next().response().body()).contains("Check your email", "We sent an email to " + email);

        SentEmails.Sent sent = SentEmails.newestTo(stubs.server(), email);
        assertThat(sent.subject()).isEqualTo("Confirm your email address");
        assertThat(sent.link()).startsWith("http://localhost:" + port + "/sign-up/confirm?token=");
        String token = sent.link().substring(sent.link().indexOf("token=") + 6);
        assertThat(jdbc.sql("select count(*) from email_link where token_digest = :t or email_ciphertext like :e")
                .param("t", token).param("e", "%" + email + "%").query(Long.class).single())
                .as("neither the link's token nor the address is stored as it is").isZero();

        Page choose = browser.get(sent.linkPath(), null);
        assertThat(choose.response().body()).contains("Choose your password");
        HttpResponse<String> created = browser.post("/sign-up/confirm", choose.sessionCookie(), "_csrf",
                choose.formToken(), "token", token, "password", PASSWORD);
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).as("the second method first")
                .endsWith("/second-factor/new");
        String session = SignInOverHttp.sessionCookie(created).orElseThrow();
        assertThat(browser.get("/verify", session).response().statusCode()).as("not yet past the password").isEqualTo(302);
        browser.addBackupCodes(email, session);
        assertThat(browser.get("/verify", session).response().statusCode()).as("signed in").isEqualTo(200);
        assertThat(browser.signIn(email, PASSWORD)).as("the chosen password signs in").isNotBlank();

        Page again = browser.get(sent.linkPath(), null);
        assertThat(again.response().body()).contains("This link no longer works").doesNotContain("id=\"password\"");
        Page elsewhere = browser.get("/sign-up", null); // a page with a form, for a session and its token
        HttpResponse<String> reused = browser.post("/sign-up/confirm", elsewhere.sessionCookie(), "_csrf",
                elsewhere.formToken(), "token", token, "password", "another long passphrase");
        assertThat(reused.body()).contains("This link no longer works");
        assertThat(SignInOverHttp.sessionCookie(reused)).as("nobody signed in").isEmpty();
    }

    @Test
    void theAnswerIsTheSameForAnAddressWithAnAccountAndItsOwnerIsToldByEmail() throws Exception {
        String registered = anEmail();
        accounts.signUp(registered, PASSWORD);
        String unregistered = anEmail();

        Asked forRegistered = askForALink(registered);
        Asked forUnregistered = askForALink(unregistered);

        assertThat(forRegistered.response().statusCode()).isEqualTo(forUnregistered.response().statusCode());
        assertThat(forRegistered.response().headers().firstValue("Location"))
                .isEqualTo(forUnregistered.response().headers().firstValue("Location"));
        assertThat(comparable(forRegistered.response().body(), registered))
                .isEqualTo(comparable(forUnregistered.response().body(), unregistered));
        assertThat(comparable(forRegistered.next().response().body(), registered))
                .as("the page that follows, but for the address it repeats and its form token")
                .isEqualTo(comparable(forUnregistered.next().response().body(), unregistered));

        List<SentEmails.Sent> toOwner = SentEmails.to(stubs.server(), registered);
        assertThat(toOwner).hasSize(1);
        assertThat(toOwner.get(0).subject()).isEqualTo("You already have an account");
        assertThat(toOwner.get(0).link()).endsWith("/sign-in");
        assertThat(SentEmails.to(stubs.server(), unregistered)).singleElement()
                .satisfies(email -> assertThat(email.link()).contains("/sign-up/confirm?token="));
    }

    /** A page's text without what differs by nature: the address it repeats and the session's form token. */
    private static String comparable(String body, String email) {
        return body.replace(email, "EMAIL").replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\"");
    }

    @Test
    void aTooShortPasswordLeavesTheLinkWorkingButNothingWorksPastItsTime() throws Exception {
        String email = anEmail();
        askForALink(email);
        SentEmails.Sent sent = SentEmails.newestTo(stubs.server(), email);
        String token = sent.link().substring(sent.link().indexOf("token=") + 6);

        Page choose = browser.get(sent.linkPath(), null);
        HttpResponse<String> tooShort = browser.post("/sign-up/confirm", choose.sessionCookie(), "_csrf",
                choose.formToken(), "token", token, "password", "short");
        assertThat(tooShort.body()).contains("Your password is too short");
        assertThat(browser.get(sent.linkPath(), null).response().body()).as("still works").contains("Choose your password");

        // 25 hours later (the link's row moved back rather than the service's clock forward)
        jdbc.sql("update email_link set created_at = created_at - interval '25 hours', expires_at = expires_at - interval '25 hours'").update();
        assertThat(browser.get(sent.linkPath(), null).response().body()).contains("This link no longer works");
        long before = jdbc.sql("select count(*) from account").query(Long.class).single();
        HttpResponse<String> late = browser.post("/sign-up/confirm", choose.sessionCookie(), "_csrf",
                choose.formToken(), "token", token, "password", PASSWORD);
        assertThat(late.body()).contains("This link no longer works");
        assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void twoTabsFollowingOneLinkAtOnceMakeOneAccount() throws Exception {
        String email = anEmail();
        askForALink(email);
        SentEmails.Sent sent = SentEmails.newestTo(stubs.server(), email);
        String token = sent.link().substring(sent.link().indexOf("token=") + 6);
        Page first = browser.get(sent.linkPath(), null);
        Page second = browser.get(sent.linkPath(), null);
        long before = jdbc.sql("select count(*) from account").query(Long.class).single();

        List<Page> tabs = List.of(first, second);
        AtomicInteger next = new AtomicInteger();
        List<HttpResponse<String>> answers = Concurrently.run(2, 2, () -> {
            Page tab = tabs.get(next.getAndIncrement());
            return browser.post("/sign-up/confirm", tab.sessionCookie(), "_csrf", tab.formToken(), "token", token,
                    "password", PASSWORD);
        });

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(302, 200);
        assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void linksForOneAddressArePausedAfterFiveAnHourWhetherOrNotItHasAnAccount() throws Exception {
        String registered = anEmail();
        accounts.signUp(registered, PASSWORD);
        String unregistered = anEmail();
        for (String email : List.of(registered, unregistered)) {
            for (int asked = 1; asked <= 5; asked++) {
                assertThat(askForALink(email).response().statusCode()).isEqualTo(302);
            }
            HttpResponse<String> sixth = askForALink(email).response();
            assertThat(sixth.statusCode()).isEqualTo(200);
            assertThat(sixth.body()).contains("Too many links were asked for this address");
            assertThat(SentEmails.to(stubs.server(), email)).as("nothing sent the sixth time").hasSize(5);
        }
    }

    @Test
    void linksAskedFromOneClientArePausedAtItsLimitForAnyAddressWhileOtherClientsGoOn(
            @org.springframework.beans.factory.annotation.Value("${proofline.throttle.sign-up-client.max-attempts}") int limit)
            throws Exception {
        String client = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        Page form = browser.get("/sign-up", null);
        for (int asked = 1; asked <= limit; asked++) {
            assertThat(browser.postFrom(client, "/sign-up", form.sessionCookie(), "_csrf", form.formToken(), "email",
                    anEmail()).statusCode()).isEqualTo(302);
        }
        String next = anEmail();
        HttpResponse<String> over = browser.postFrom(client, "/sign-up", form.sessionCookie(), "_csrf", form.formToken(),
                "email", next);
        assertThat(over.body()).contains("Too many links were asked for this address or from your network");
        assertThat(SentEmails.to(stubs.server(), next)).isEmpty();
        assertThat(browser.postFrom("203.0.113.200", "/sign-up", form.sessionCookie(), "_csrf", form.formToken(),
                "email", next).statusCode()).as("another client").isEqualTo(302);
    }

    @Test
    void anEmailTheVendorCannotSendIsNotCountedAndSaysTryAgain() throws Exception {
        String email = "pat." + UUID.randomUUID().toString().substring(0, 8) + "@outage.example.invalid";
        for (int asked = 1; asked <= 6; asked++) {
            HttpResponse<String> answer = askForALink(email).response();
            assertThat(answer.body()).contains("We could not send the email just now");
        }
    }
}
