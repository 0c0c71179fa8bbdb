package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.PASSWORD;
import static io.proofline.proofing.web.AsAPerson.email;
import static io.proofline.proofing.web.AsAPerson.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;

/**
 * A security key or passkey (WebAuthn) as the second method, in Chromium with a virtual authenticator (the DevTools
 * WebAuthn domain): added right after the password at sign-up, then the second step of a later sign-in; and a key of
 * another account refused as that step.
 */
@BrowserTest
class SecurityKeyBrowserTest extends PostgresIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    /**
     * What security-key.js does on the sign-in step, but with whatever credential the key offers, asked for by nobody,
     * posted to {@code arguments[0]}.
     */
    private static final String OFFER_ANY_CREDENTIAL = """
            const done = arguments[arguments.length - 1];
            const target = arguments[0];
            const token = document.querySelector('input[name="_csrf"]').value;
            const headers = {'Content-Type': 'application/json', 'X-CSRF-TOKEN': token};
            const bytes = s => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0)).buffer;
            const text = b => btoa(String.fromCharCode(...new Uint8Array(b))).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
            (async () => {
              const options = await (await fetch('/webauthn/authenticate/options', {method: 'POST', headers})).json();
              options.challenge = bytes(options.challenge);
              options.allowCredentials = [];
              const credential = await navigator.credentials.get({publicKey: options});
              const answer = await fetch(target, {method: 'POST', headers, body: JSON.stringify({
                id: credential.id, rawId: text(credential.rawId), type: credential.type,
                response: {authenticatorData: text(credential.response.authenticatorData),
                  clientDataJSON: text(credential.response.clientDataJSON), signature: text(credential.response.signature),
                  userHandle: text(credential.response.userHandle)},
                clientExtensionResults: credential.getClientExtensionResults(),
                authenticatorAttachment: credential.authenticatorAttachment})});
              done(answer.status + ' ' + await answer.text());
            })().catch(e => done('failed: ' + e));
            """;

    @Test
    void anAccountAddsASecurityKeyAtSignUpAndSignsInWithThePasswordThenTheKey(Browser browser) {
        String securityKey = browser.addSecurityKey();
        try {
            String email = email();
            signUpWithASecurityKey(browser, email, "Blue key");
            assertThat(browser.credentialsOn(securityKey)).singleElement()
                    .satisfies(credential -> assertThat(credential).containsEntry("rpId", "localhost")
                            .containsEntry("isResidentCredential", true));
            assertThat(jdbc.queryForList("select name_ciphertext from auth_method where kind = 'SECURITY_KEY'", String.class))
                    .as("the key's label is sealed").isNotEmpty().noneMatch(sealed -> sealed.contains("Blue key"));

            browser.click(By.id("sign-out"), "signed-out");
            type(browser, "email", email);
            type(browser, "password", PASSWORD);
            browser.click(By.id("sign-in"), "security-key-step");
            assertThat(browser.heading()).isEqualTo("Use your security key");
            assertThat(browser.driver().findElements(By.id("code"))).as("no code to enter: the account holds only a key")
                    .isEmpty();
            browser.open("/verify", "security-key-step-skipped");
            assertThat(browser.driver().getCurrentUrl()).as("the wizard needs both steps").endsWith("/sign-in/second-factor");
            browser.find(By.id("use-security-key")).click();
            arriveAtTheWizard(browser, "consent-after-the-key");
            assertThat(browser.heading()).isEqualTo("Before you start");
            assertThat(jdbc.queryForList("""
                    select s.assurance || ' ' || s.methods from account_session s join auth_method m
                    on m.account_id = s.account_id where m.kind = 'SECURITY_KEY' and m.last_used_at is not null""",
                    String.class)).as("the session is phishing-resistant AAL2, by password and hardware key")
                    .contains("AAL2_PHISHING_RESISTANT pwd,hwk");

            browser.click(By.id("sign-out"), "signed-out-again");
            browser.withoutJavaScript();
            browser.open("/sign-in", "sign-in-without-javascript");
            type(browser, "email", email);
            type(browser, "password", PASSWORD);
            browser.click(By.id("sign-in"), "security-key-step-without-javascript");
            // Chromium renders a <noscript> without scripts but keeps its content as text in the DOM.
            assertThat(browser.find(By.id("security-key-needs-javascript")).getDomProperty("textContent"))
                    .contains("A security key needs JavaScript");
            assertThat(browser.find(By.id("security-key-form")).isDisplayed()).isFalse();
        } finally {
            browser.removeSecurityKey(securityKey);
        }
    }

    @Test
    void aSecurityKeyOfAnotherAccountIsRefusedAsTheSecondStep(Browser browser) {
        String securityKey = browser.addSecurityKey();
        try {
            signUpWithASecurityKey(browser, email(), "");
            browser.click(By.id("sign-out"), "key-holder-signed-out");

            // Someone who knows this account's password, holding a key of their own account.
            String email = email();
            browser.open("/sign-up", "sign-up-second-account");
            AsAPerson.signUp(browser, email, "consent-second-account");
            browser.click(By.id("sign-out"), "second-account-signed-out");
            type(browser, "email", email);
            type(browser, "password", PASSWORD);
            browser.click(By.id("sign-in"), "second-account-code-step");
            assertThat(browser.heading()).isEqualTo("Enter your code");

            JavascriptExecutor page = (JavascriptExecutor) browser.driver();
            assertThat(page.executeAsyncScript(OFFER_ANY_CREDENTIAL, "/sign-in/security-key"))
                    .as("the key's answer was verified, but it is another account's")
                    .isEqualTo("403 {\"error\":\"refused\"}");
            browser.open("/verify", "second-account-still-halfway");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/sign-in/second-factor");

            // Spring Security's own passwordless sign-in and registration are closed.
            assertThat((String) page.executeAsyncScript(OFFER_ANY_CREDENTIAL, "/login/webauthn")).startsWith("401");
            assertThat(page.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/webauthn/register', {method: 'POST', headers: {'Content-Type': 'application/json',
                      'X-CSRF-TOKEN': document.querySelector('input[name="_csrf"]').value}, body: '{}'})
                      .then(answer => done(answer.status), e => done('failed: ' + e));
                    """)).isEqualTo(403L);
            browser.open("/verify", "second-account-still-halfway-after-spring-securitys-endpoints");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/sign-in/second-factor");
        } finally {
            browser.removeSecurityKey(securityKey);
        }
    }

    /** From sign-up to the wizard's first step, the second method a security key named {@code label}. */
    private void signUpWithASecurityKey(Browser browser, String email, String label) {
        AsAPerson.signUpToTheSecondMethod(browser, email);
        browser.find(By.cssSelector("label[for=kind-SECURITY_KEY]")).click();
        browser.click(By.id("continue"), "add-security-key");
        assertThat(browser.heading()).isEqualTo("Add a security key or passkey");
        type(browser, "name", label);
        browser.find(By.id("add-security-key")).click();
        arriveAtTheWizard(browser, "consent");
        assertThat(browser.heading()).isEqualTo("Before you start");
    }

    /** The page's script talks to the key and then goes to the wizard by itself. */
    private static void arriveAtTheWizard(Browser browser, String step) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(driver -> driver.getCurrentUrl().endsWith("/verify"));
        browser.check(step);
    }

}
