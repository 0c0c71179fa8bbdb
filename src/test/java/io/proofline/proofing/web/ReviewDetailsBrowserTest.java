package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.email;
import static io.proofline.proofing.web.AsAPerson.signUp;
import static io.proofline.proofing.web.AsAPerson.submit;
import static io.proofline.proofing.web.AsAPerson.throughToTheReview;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;

/**
 * The review page masks the Social Security number, as Login.gov does, and shows it on request; a refused check
 * says which detail to look at, as far as that reveals nothing about an SSN.
 */
@BrowserTest
class ReviewDetailsBrowserTest extends PostgresIntegrationTest {

    @Test
    void theSsnIsMaskedUntilThePersonAsksToSeeIt(Browser browser) {
        browser.open("/sign-up", "sign-up");
        signUp(browser, email(), "consent");
        throughToTheReview(browser, "900-81-2345");

        assertThat(browser.heading()).isEqualTo("Check your information");
        assertThat(browser.find(By.id("ssn")).getDomProperty("type")).as("masked").isEqualTo("password");
        browser.find(By.cssSelector("label[for=show-ssn]")).click();
        browser.check("review-ssn-shown");
        assertThat(browser.find(By.id("ssn")).getDomProperty("type")).isEqualTo("text");
        assertThat(browser.find(By.id("ssn")).getDomProperty("value")).isEqualTo("900-81-2345");
        browser.find(By.cssSelector("label[for=show-ssn]")).click();
        assertThat(browser.find(By.id("ssn")).getDomProperty("type")).isEqualTo("password");

        browser.withoutJavaScript().open("/verify", "review-without-javascript");
        assertThat(browser.find(By.id("ssn")).getDomProperty("type")).as("masked, still editable").isEqualTo("password");
        assertThat(browser.find(By.id("reveal-ssn")).isDisplayed()).as("no control that does nothing").isFalse();
    }

    @Test
    void aRefusedCheckSaysWhatToLookAtWithoutSinglingOutTheSsn(Browser browser) {
        browser.open("/sign-up", "sign-up");
        signUp(browser, email(), "consent");
        throughToTheReview(browser, "123-45-6789"); // the stub refuses it: SSN_UNVERIFIED
        submit(browser, "review-refused");

        assertThat(browser.heading()).isEqualTo("Check your information");
        assertThat(browser.find(By.id("failure-advice")).getText())
                .contains("Check that your name, date of birth and Social Security number are yours")
                .doesNotContain("Check your Social Security number");
        assertThat(browser.find(By.id("check-failed")).getText()).contains("2 tries left");
    }
}
