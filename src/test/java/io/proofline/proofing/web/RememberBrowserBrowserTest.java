package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.PASSWORD;
import static io.proofline.proofing.web.AsAPerson.email;
import static io.proofline.proofing.web.AsAPerson.lastSent;
import static io.proofline.proofing.web.AsAPerson.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;
import io.proofline.vendors.VendorStubServer;

/**
 * A phone as the second way to sign in, and "Remember this browser", as a person meets them: the codes are read from
 * the telephony stub's journal (what the phone would have received).
 */
@BrowserTest
class RememberBrowserBrowserTest extends PostgresIntegrationTest {

    private static final String MESSAGES = "/telephony/v1/messages";

    @Autowired VendorStubServer stubs;

    @Test
    void anAccountAddsAPhoneSignsInWithItsCodeRemembersTheBrowserSkipsTheSecondStepAndForgettingBringsItBack(
            Browser browser) throws Exception {
        String email = email();
        String lastFour = String.format("%04d", ThreadLocalRandom.current().nextInt(100, 10000));
        AsAPerson.signUpToTheSecondMethod(browser, email);

        assertThat(browser.heading()).isEqualTo("Add a second way to sign in");
        browser.find(By.cssSelector("label[for=kind-PHONE]")).click();
        browser.click(By.id("continue"), "add-phone");
        assertThat(browser.heading()).isEqualTo("Add a phone");
        type(browser, "phone", "12345");
        browser.click(By.id("send-code"), "add-phone-not-a-number");
        assertThat(browser.find(By.id("phone-error")).getText()).contains("Enter a U.S. phone number");
        type(browser, "phone", "(802) 555-" + lastFour);
        browser.click(By.id("send-code"), "add-phone-code");
        assertThat(browser.heading()).isEqualTo("Enter the code we sent");
        assertThat(browser.find(By.id("code-sent")).getText()).contains("ending in " + lastFour.substring(2));
        type(browser, "code", "000000");
        browser.click(By.id("continue"), "add-phone-wrong-code");
        assertThat(browser.find(By.id("code-error")).getText()).contains("This code is not right");
        type(browser, "code", lastSent(stubs, MESSAGES, "code"));
        AsAPerson.submit(browser, "consent");
        assertThat(browser.heading()).isEqualTo("Before you start");

        browser.open("/account", "account-with-phone");
        assertThat(browser.find(By.id("methods")).findElement(By.xpath("following-sibling::ul")).getText())
                .contains("Phone ending in " + lastFour.substring(2)).doesNotContain(lastFour);

        browser.click(By.id("sign-out"), "signed-out");
        type(browser, "email", email);
        type(browser, "password", PASSWORD);
        browser.click(By.id("sign-in"), "second-factor-phone");
        assertThat(browser.heading()).isEqualTo("Enter your code");
        browser.click(By.cssSelector("button.send-sms"), "second-factor-code-sent");
        assertThat(browser.find(By.id("code-sent")).getText()).contains("ending in " + lastFour.substring(2));
        type(browser, "code", lastSent(stubs, MESSAGES, "code"));
        browser.find(By.cssSelector("label[for=remember]")).click();
        AsAPerson.submit(browser, "consent-after-sign-in", By.id("continue"));
        assertThat(browser.heading()).isEqualTo("Before you start");

        browser.click(By.id("sign-out"), "signed-out-remembered");
        type(browser, "email", email);
        type(browser, "password", PASSWORD);
        AsAPerson.submit(browser, "consent-remembered", By.id("sign-in"));
        assertThat(browser.heading()).as("the remembered browser skips the second step").isEqualTo("Before you start");

        browser.open("/account", "account-remembered");
        browser.click(By.id("forget-browsers"), "account-browsers-forgotten");
        assertThat(browser.find(By.id("browsers-forgotten")).getText()).contains("will ask for your second step again");
        browser.click(By.id("sign-out"), "signed-out-forgotten");
        type(browser, "email", email);
        type(browser, "password", PASSWORD);
        browser.click(By.id("sign-in"), "second-factor-again");
        assertThat(browser.heading()).as("forgotten: the second step again").isEqualTo("Enter your code");
    }
}
