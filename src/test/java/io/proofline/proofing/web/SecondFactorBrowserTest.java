package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.PASSWORD;
import static io.proofline.proofing.web.AsAPerson.email;
import static io.proofline.proofing.web.AsAPerson.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;

/**
 * The second way to sign in, as a person meets it: an account adds an authentication app right after choosing its
 * password (the code computed here, as the app would), and signs in with the password and then the app's code.
 */
@BrowserTest
class SecondFactorBrowserTest extends PostgresIntegrationTest {

    /** What an authentication app shows for this key, {@code periodsAhead} periods of 30 s from now. */
    private static String appCode(String key, int periodsAhead) throws Exception {
        var app = new TimeBasedOneTimePasswordGenerator();
        var secret = new SecretKeySpec(new Base32().decode(key.replace(" ", "")), "HmacSHA1");
        return String.format("%06d", app.generateOneTimePassword(secret, Instant.now().plusSeconds(30L * periodsAhead)));
    }

    @Test
    void anAccountAddsAnAuthenticationAppAtSignUpAndSignsInWithItsCode(Browser browser) throws Exception {
        String email = email();
        AsAPerson.signUpToTheSecondMethod(browser, email);

        assertThat(browser.heading()).isEqualTo("Add a second way to sign in");
        browser.click(By.id("continue"), "add-second-factor-none-chosen");
        assertThat(browser.find(By.id("error-summary")).getText()).contains("Choose a way to sign in");
        browser.find(By.cssSelector("label[for=kind-AUTHENTICATION_APP]")).click();
        browser.click(By.id("continue"), "add-app");
        assertThat(browser.heading()).isEqualTo("Add an authentication app");
        String key = browser.find(By.id("app-key")).getText();
        assertThat(browser.find(By.id("app-link")).getDomAttribute("href")).startsWith("otpauth://totp/")
                .contains("secret=" + key.replace(" ", ""));
        type(browser, "name", "My phone");
        type(browser, "code", "000000");
        browser.click(By.id("continue"), "add-app-wrong-code");
        assertThat(browser.find(By.id("code-error")).getText()).contains("This code is not right");
        assertThat(browser.find(By.id("code-attempts")).getText()).contains("9 more tries");
        assertThat(browser.find(By.id("name")).getDomProperty("value")).as("nothing lost").isEqualTo("My phone");
        type(browser, "code", appCode(key, 0));
        AsAPerson.submit(browser, "consent");
        assertThat(browser.heading()).isEqualTo("Before you start");

        browser.click(By.id("sign-out"), "signed-out");
        type(browser, "email", email);
        type(browser, "password", PASSWORD);
        browser.click(By.id("sign-in"), "second-factor");
        assertThat(browser.heading()).isEqualTo("Enter your code");
        browser.open("/verify", "second-factor-skipped");
        assertThat(browser.driver().getCurrentUrl()).as("the wizard needs both steps").endsWith("/sign-in/second-factor");
        // The code that added the app was of this period and cannot be used again: the app's next one (clocks
        // drift, so one period either side is accepted).
        type(browser, "code", appCode(key, 1));
        AsAPerson.submit(browser, "consent-after-sign-in", By.id("continue"));
        assertThat(browser.heading()).isEqualTo("Before you start");
    }
}
