package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.email;
import static io.proofline.proofing.web.AsAPerson.signUp;
import static io.proofline.proofing.web.AsAPerson.submit;
import static io.proofline.proofing.web.AsAPerson.throughToTheUpload;
import static io.proofline.proofing.web.AsAPerson.upload;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.SignInResult;
import io.proofline.journey.JourneyId;
import io.proofline.proofing.Journeys;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;
import io.proofline.vault.PiiVault;

/**
 * Details gathered so far wait in the vault, which may lose them (its time to live passed, Redis restarted): the person
 * is told and starts again, rather than going on with blanks.
 */
@BrowserTest
class DetailsLostBrowserTest extends PostgresIntegrationTest {

    @Autowired Accounts accounts;
    @Autowired Journeys journeys;
    @Autowired PiiVault vault;

    @Test
    void detailsLostFromTheVaultAreSaidAndThePersonStartsAgainInTheirLanguage(Browser browser) {
        String email = email();
        browser.open("/sign-up", "sign-up");
        signUp(browser, email, "consent");
        throughToTheUpload(browser);
        upload(browser, "");
        submit(browser, "ssn");
        assertThat(browser.heading()).isEqualTo("Enter your Social Security number");
        JourneyId journey = journeys.active(accountOf(email)).orElseThrow().id();

        vault.delete(journey);

        browser.open("/verify?lang=fr", "details-lost-fr");
        assertThat(browser.find(By.id("details-lost")).getText()).contains("supprimées");
        browser.open("/verify?lang=en", "details-lost");
        assertThat(browser.heading()).isEqualTo("Your details were deleted");
        browser.click(By.id("start-over"), "started-over");
        assertThat(browser.heading()).isEqualTo("Before you start");
        assertThat(journeys.active(accountOf(email)).map(found -> found.id())).as("a new journey")
                .isNotEqualTo(java.util.Optional.of(journey));
    }

    @Test
    void aSessionTheServerNoLongerHasSendsThePersonToSignInWithTheReason(Browser browser) {
        browser.open("/sign-in", "sign-in");
        Cookie session = browser.driver().manage().getCookies().stream()
                .filter(cookie -> cookie.getName().endsWith("proofline-session")).findFirst().orElseThrow();
        browser.driver().manage().deleteCookie(session);
        // as Spring Session writes a session's id (Base64), of a session no store holds
        browser.driver().manage().addCookie(new Cookie.Builder(session.getName(), java.util.Base64.getEncoder()
                .encodeToString(java.util.UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .path("/").isSecure(session.isSecure()).isHttpOnly(true).build());

        browser.open("/verify", "session-expired");

        assertThat(browser.driver().getCurrentUrl()).contains("/sign-in");
        assertThat(browser.find(By.id("session-expired")).getText()).contains("Your session ended");
    }

    private AccountId accountOf(String email) {
        return ((SignInResult.SignedIn) accounts.signIn(email, AsAPerson.PASSWORD, "203.0.113.9")).account();
    }
}
