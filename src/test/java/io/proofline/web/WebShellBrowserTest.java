package io.proofline.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;

/**
 * The shell as a person meets it in Chromium: the welcome page in English and in French through the
 * language switch, on a desktop and on a phone, with and without JavaScript, and the error pages.
 * Every page visited also passes axe-core (no serious or critical violation) and leaves a screenshot.
 */
@BrowserTest
class WebShellBrowserTest extends PostgresIntegrationTest {

    @Test
    void theWelcomePageSaysWhatProofingIsAndWhatToBringInEnglishThenInFrench(Browser browser) {
        browser.open("/", "welcome-en");

        assertThat(browser.language()).isEqualTo("en");
        assertThat(browser.driver().getTitle()).isEqualTo("Verify your identity | Proofline");
        assertThat(browser.heading()).isEqualTo("Verify your identity");
        assertThat(browser.find(By.id("what-you-need")).getText()).isEqualTo("What you will need");
        assertThat(browser.find(By.cssSelector(".usa-summary-box")).getText())
                .contains("state-issued ID", "PIV or CAC card", "Social Security number", "phone number",
                        "mail a letter");
        assertThat(browser.find(By.cssSelector(".usa-banner")).getText())
                .contains("An official website of the United States government");

        browser.clickLink("Français", "welcome-fr");

        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.driver().getTitle()).isEqualTo("Vérifier votre identité | Proofline");
        assertThat(browser.heading()).isEqualTo("Vérifier votre identité");
        assertThat(browser.find(By.cssSelector(".usa-summary-box")).getText())
                .contains("Ce dont vous aurez besoin", "pièce d’identité", "carte PIV ou CAC",
                        "numéro de sécurité sociale", "numéro de téléphone", "lettre");
        assertThat(browser.find(By.cssSelector(".usa-banner")).getText())
                .contains("Un site officiel du gouvernement des États-Unis");

        browser.open("/", "welcome-fr-remembered");

        assertThat(browser.heading()).as("the choice is remembered").isEqualTo("Vérifier votre identité");

        browser.clickLink("English", "welcome-en-again");

        assertThat(browser.language()).isEqualTo("en");
        assertThat(browser.heading()).isEqualTo("Verify your identity");
    }

    @Test
    void theWelcomePageFitsAPhone(Browser browser) {
        browser.asPhone().open("/", "welcome-phone");

        assertThat(browser.heading()).isEqualTo("Verify your identity");
        assertThat(browser.scrollsSideways()).isFalse();
        assertThat(browser.find(By.id("language-switch")).isDisplayed()).isTrue();

        browser.clickLink("Français", "welcome-phone-fr");

        assertThat(browser.heading()).isEqualTo("Vérifier votre identité");
        assertThat(browser.scrollsSideways()).isFalse();
    }

    @Test
    void theBannerExplainsHowToKnowTheSiteIsOfficial(Browser browser) {
        browser.open("/", "banner-closed");
        assertThat(browser.find(By.id("gov-banner")).isDisplayed()).isFalse();

        // USWDS's script opens it: proves the script loads and runs under our Content-Security-Policy.
        browser.click(By.cssSelector(".usa-banner__button"), "banner-open");

        assertThat(browser.find(By.id("gov-banner")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("gov-banner")).getText()).contains("Official websites use .gov");
    }

    @Test
    void theWelcomePageAndLanguageSwitchWorkWithoutJavaScript(Browser browser) {
        browser.withoutJavaScript().open("/", "welcome-no-javascript");

        assertThat(browser.heading()).isEqualTo("Verify your identity");

        browser.clickLink("Français", "welcome-fr-no-javascript");

        assertThat(browser.heading()).isEqualTo("Vérifier votre identité");
    }

    @Test
    void anUnknownAddressShowsThePageNotFoundPageInThePersonsLanguage(Browser browser) {
        browser.open("/no-such-page", "not-found");

        assertThat(browser.status()).isEqualTo(404);
        assertThat(browser.heading()).isEqualTo("Page not found");
        assertThat(browser.driver().getTitle()).isEqualTo("Page not found | Proofline");

        browser.clickLink("Français", "not-found-fr");

        assertThat(browser.status()).isEqualTo(404);
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.heading()).isEqualTo("Page introuvable");

        browser.clickLink("Aller à la page d’accueil", "home-from-not-found");

        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.heading()).isEqualTo("Vérifier votre identité");
    }

    @Test
    void theGenericErrorPageSaysNothingWasLostAndNothingAboutTheServer(Browser browser) {
        browser.open("/error", "error");

        assertThat(browser.status()).isEqualTo(500);
        assertThat(browser.heading()).isEqualTo("Something went wrong");
        assertThat(browser.find(By.id("main-content")).getText())
                .contains("Nothing you entered has been lost.")
                .doesNotContain("Exception", "trace", "/error");
    }
}
