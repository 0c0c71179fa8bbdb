package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.codeFromTheDevelopmentInbox;
import static io.proofline.proofing.web.AsAPerson.email;
import static io.proofline.proofing.web.AsAPerson.signUp;
import static io.proofline.proofing.web.AsAPerson.submit;
import static io.proofline.proofing.web.AsAPerson.type;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;

/**
 * The codes a person trying the embedded default needs, read where the code pages point: the development inbox, which
 * lists what the stubs were asked to text, call or mail (the code and the phone's last digits, nothing personal).
 */
@BrowserTest
class DevelopmentInboxBrowserTest extends PostgresIntegrationTest {

    @Test
    void theOneTimeCodeAndTheLetterCodeAreReadFromTheDevelopmentInbox(Browser browser) {
        browser.open("/sign-up", "sign-up");
        signUp(browser, email(), "consent");
        AsAPerson.throughToTheOneTimeCode(browser, "900-61-2345", "(406) 555-0172");

        String code = codeFromTheDevelopmentInbox(browser, "one-time-code");
        browser.open("/development/inbox", "inbox");
        assertThat(browser.find(By.id("development-only")).getText()).contains("For development only");
        assertThat(browser.find(By.cssSelector("#inbox tbody tr:first-child")).getText())
                .contains("Text message", "The phone number ending in 72", code).doesNotContain("406");
        browser.open("/verify", "one-time-code-again");
        type(browser, "code", code);
        submit(browser, "password");
        assertThat(browser.heading()).isEqualTo("Re-enter your password");
    }

    @Test
    void theLettersCodeIsThereToo(Browser browser) {
        browser.open("/sign-up", "sign-up");
        signUp(browser, email(), "consent");
        AsAPerson.throughToTheLetterCode(browser, "900-61-2346");

        String code = codeFromTheDevelopmentInbox(browser, "letter-code");
        type(browser, "code", code);
        submit(browser, "share");
        assertThat(browser.heading()).isEqualTo("Nothing is shared yet");
    }
}
