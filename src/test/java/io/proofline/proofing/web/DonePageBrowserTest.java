package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.email;
import static io.proofline.proofing.web.AsAPerson.signUp;
import static io.proofline.proofing.web.AsAPerson.submit;
import static io.proofline.proofing.web.AsAPerson.throughToTheShare;
import static io.proofline.proofing.web.AsAPerson.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.SignInResult;
import io.proofline.journey.JourneyStep;
import io.proofline.proofing.JourneyEngine;
import io.proofline.proofing.Journeys;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;
import io.proofline.vendors.VendorStubServer;

/**
 * The done page says only what is so: after the consent, while its step still runs, the checking page, then
 * "verified" (never "not verified"); a journey that did end unverified (the Post Office's FAILED) says so and
 * offers the way forward.
 */
@BrowserTest
class DonePageBrowserTest extends PostgresIntegrationTest {

    @Autowired VendorStubServer stubs;
    @Autowired ManagementService management;
    @Autowired Journeys journeys;
    @Autowired JourneyEngine engine;
    @Autowired Accounts accounts;

    @Test
    void whileTheConsentIsStillBeingRecordedThePageChecksThenSaysVerified(Browser browser) throws Exception {
        browser.open("/sign-up", "sign-up");
        signUp(browser, email(), "consent");
        throughToTheShare(browser, stubs, "900-71-2345");

        JobDefinition recordConsent = management.createJobDefinitionQuery().activityIdIn("RecordConsent").list().get(0);
        management.suspendJobDefinitionById(recordConsent.getId(), true);
        try {
            browser.click(By.id("continue"), "consent-still-recording");
            assertThat(browser.heading()).isEqualTo("We are checking your information");
            assertThat(browser.driver().findElements(By.id("not-verified"))).isEmpty();
        } finally {
            management.activateJobDefinitionById(recordConsent.getId(), true);
        }
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(100)).until(driver -> {
            assertThat(driver.findElements(By.id("not-verified"))).as("never 'not verified'").isEmpty();
            return !driver.findElements(By.id("verified")).isEmpty();
        });
        browser.check("verified-by-itself");
        assertThat(browser.find(By.id("verified")).getText()).contains("Your identity is verified");
    }

    @Test
    void aJourneyThatFailedAtThePostOfficeSaysSoAndOffersToStartAgain(Browser browser) {
        String email = email();
        browser.open("/sign-up", "sign-up");
        signUp(browser, email, "consent");
        browser.find(By.cssSelector("label[for=consent]")).click();
        submit(browser, "path");
        browser.find(By.cssSelector("label[for=proofingPath-IN_PERSON]")).click();
        submit(browser, "id-details");
        type(browser, "firstName", "Jo");
        AsAPerson.typeInPersonDetails(browser, "IppFailed", "900-44-5679"); // the stubs' enrollment whose status is FAILED
        submit(browser, "review");
        submit(browser, "password");
        AsAPerson.throughThePasswordAndPersonalKey(browser, "post-office");
        assertThat(browser.heading()).isEqualTo("Visit a Post Office");

        var journey = journeys.active(accountOf(email)).orElseThrow().id();
        try {
            // past the poll interval (30 minutes): the engine asks USPS, which says FAILED
            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(31))));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(100))
                    .until(driver -> engine.currentStep(journey).kind() == JourneyStep.Kind.ENDED);
        } finally {
            ClockUtil.reset();
        }
        browser.open("/verify", "not-verified");
        assertThat(browser.find(By.id("not-verified")).getText()).contains("We could not verify your identity");
        assertThat(browser.find(By.id("not-verified-next")).getText()).contains("You can start again now");
        browser.click(By.id("start-again"), "started-again");
        assertThat(browser.heading()).isEqualTo("Before you start");
    }

    private AccountId accountOf(String email) {
        return ((SignInResult.SignedIn) accounts.signIn(email, AsAPerson.PASSWORD, "203.0.113.7")).account();
    }
}
