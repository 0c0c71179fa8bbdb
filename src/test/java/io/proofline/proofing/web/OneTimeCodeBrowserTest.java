package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.codeFromTheDevelopmentInbox;
import static io.proofline.proofing.web.AsAPerson.email;
import static io.proofline.proofing.web.AsAPerson.signUp;
import static io.proofline.proofing.web.AsAPerson.submit;
import static io.proofline.proofing.web.AsAPerson.throughToTheOneTimeCode;
import static io.proofline.proofing.web.AsAPerson.type;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;

/**
 * The one-time code page, as Login.gov's: where the code went, "send me a new code", another number, and a letter
 * instead; none of them counts as a wrong code.
 */
@BrowserTest
class OneTimeCodeBrowserTest extends PostgresIntegrationTest {

    @Test
    void theCodeIsSentAgainAndTheNewOneWorks(Browser browser) {
        browser.open("/sign-up", "sign-up");
        signUp(browser, email(), "consent");
        throughToTheOneTimeCode(browser, "900-91-2345", "(406) 555-0191");
        assertThat(browser.find(By.id("code-sent-to")).getText()).isEqualTo("We sent it to (406) 555-0191.");
        String first = codeFromTheDevelopmentInbox(browser, "one-time-code");

        submit(browser, "sent-again", By.id("send-again"));
        assertThat(browser.heading()).isEqualTo("Enter the code we sent you");
        assertThat(browser.find(By.id("code-sent-again")).getText()).contains("We sent you a new code");
        assertThat(browser.driver().findElements(By.id("check-failed"))).as("not a wrong code").isEmpty();
        String second = codeFromTheDevelopmentInbox(browser, "sent-again");
        assertThat(second).isNotEqualTo(first);
        type(browser, "code", second);
        submit(browser, "password");
        assertThat(browser.heading()).isEqualTo("Re-enter your password");
    }

    @Test
    void anotherNumberAndThenALetterInstead(Browser browser) {
        browser.open("/sign-up", "sign-up");
        signUp(browser, email(), "consent");
        throughToTheOneTimeCode(browser, "900-91-2346", "(406) 555-0193");

        submit(browser, "change-number", By.id("change-number"));
        assertThat(browser.heading()).isEqualTo("Enter your phone number");
        assertThat(browser.find(By.id("phone")).getDomProperty("value")).as("the number kept to edit").isEqualTo("(406) 555-0193");
        type(browser, "phone", "(406) 555-0194");
        submit(browser, "new-number-code");
        assertThat(browser.find(By.id("code-sent-to")).getText()).isEqualTo("We sent it to (406) 555-0194.");

        submit(browser, "letter-instead", By.id("letter-instead"));
        assertThat(browser.heading()).isEqualTo("Mail a letter to this address");
    }
}
