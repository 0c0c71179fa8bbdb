package io.proofline.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.proofline.accounts.Accounts;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.SignInOverHttp;
import io.proofline.support.SignInOverHttp.Page;

/**
 * The session and its form token over real HTTP, as the postgres profile runs them (Spring Session in Redis): what
 * the security review found in the hand-written double-submit cookie (any value accepted when cookie and field
 * agreed, the same token before and after sign-in) cannot happen.
 */
class SignInSessionsOnPostgresTest extends PostgresIntegrationTest {

    private static final String PASSWORD = "a long and honest passphrase";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    StringRedisTemplate redis;

    private SignInOverHttp browser;
    private String email;

    @BeforeEach
    void anAccount() {
        browser = new SignInOverHttp("http://localhost:" + port);
        email = "sessions." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        accounts.signUp(email, PASSWORD);
    }

    @Test
    void theSessionCookieIsBoundToThisHostSecureAndOutOfScriptsReach() throws Exception {
        Page signInPage = browser.get("/sign-in", null);

        String cookie = SignInOverHttp.setCookies(signInPage.response()).stream()
                .filter(header -> header.startsWith("__Host-proofline-session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("; Path=/", "; Secure", "; HttpOnly", "; SameSite=Lax")
                .doesNotContainIgnoringCase("Domain=");
        assertThat(signInPage.response().headers().firstValue("Strict-Transport-Security"))
                .as("the postgres profile is reached over TLS only: HSTS on every response")
                .contains("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void aSignInReplacesAPlantedSessionAndItsFormToken() throws Exception {
        Page planted = browser.get("/sign-in", null); // an attacker's session, planted in the victim's browser

        HttpResponse<String> signedIn = browser.post("/sign-in", planted.sessionCookie(), "_csrf",
                planted.formToken(), "email", email, "password", PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        String session = SignInOverHttp.sessionCookie(signedIn).orElseThrow();
        assertThat(session).as("a new session id").isNotEqualTo(planted.sessionCookie());
        assertThat(browser.get("/verify", planted.sessionCookie()).response().headers().firstValue("Location"))
                .as("the planted session is not signed in").hasValueSatisfying(to -> assertThat(to).endsWith("/sign-in"));
        browser.addBackupCodes(email, session); // the second step (its first method)
        assertThat(browser.get("/verify", session).response().statusCode()).isEqualTo(200);
        assertThat(browser.post("/verify/ConsentToProofing", session, "_csrf", planted.formToken(), "consent", "true")
                .statusCode()).as("the token from before the sign-in").isEqualTo(403);
    }

    @Test
    void aFormTokenIsTheSessionsOwnNotWhateverTheBrowserSends() throws Exception {
        String session = browser.signIn(email, PASSWORD);

        assertThat(browser.post("/verify/ConsentToProofing", session, "_csrf", "made-up", "consent", "true")
                .statusCode()).isEqualTo(403);
        assertThat(browser.post("/verify/ConsentToProofing", session, "consent", "true").statusCode())
                .isEqualTo(403);
        Page wizard = browser.get("/verify", session);
        assertThat(browser.post("/verify/ConsentToProofing", session, "_csrf", wizard.formToken(), "consent", "true")
                .statusCode()).as("the page's own token").isEqualTo(302);
    }

    @Test
    void signingOutEndsTheSessionOnTheServerSoItsCookieSignsNobodyIn() throws Exception {
        String session = browser.signIn(email, PASSWORD);
        Page wizard = browser.get("/verify", session);

        HttpResponse<String> signedOut = browser.post("/sign-out", session, "_csrf", wizard.formToken());

        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(
                to -> assertThat(to).endsWith("/sign-in?signedOut"));
        assertThat(browser.get("/verify", session).response().headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/sign-in"));
    }

    @Test
    void sessionsAreKeptInRedisWhereAnyNodeFindsThem() throws Exception {
        String session = browser.signIn(email, PASSWORD);
        String id = new String(Base64.getDecoder().decode(session.substring(session.indexOf('=') + 1)));

        assertThat(redis.hasKey("proofline:session:sessions:" + id)).isTrue();
    }
}
