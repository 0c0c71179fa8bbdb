package io.proofline.proofing.web;

import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static io.proofline.proofing.web.AsAPerson.PASSWORD;
import static io.proofline.proofing.web.AsAPerson.awaitTheJourney;
import static io.proofline.proofing.web.AsAPerson.email;
import static io.proofline.proofing.web.AsAPerson.image;
import static io.proofline.proofing.web.AsAPerson.lastSent;
import static io.proofline.proofing.web.AsAPerson.signUp;
import static io.proofline.proofing.web.AsAPerson.submit;
import static io.proofline.proofing.web.AsAPerson.throughToTheLetterCode;
import static io.proofline.proofing.web.AsAPerson.throughToTheUpload;
import static io.proofline.proofing.web.AsAPerson.type;
import static io.proofline.proofing.web.AsAPerson.upload;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.SignInResult;
import io.proofline.address.LetterVerification;
import io.proofline.journey.JourneyId;
import io.proofline.journey.JourneyStep;
import io.proofline.proofing.JourneyEngine;
import io.proofline.proofing.Journeys;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;
import io.proofline.support.browser.StoppedRequests;
import io.proofline.vendors.VendorStubServer;
import io.proofline.web.LocalTimes;

/**
 * The wizard as a person uses it in Chromium: sign up, then every step of the state ID + phone path typed
 * and clicked to the end, the personal key printed and copied; the letter path, with a code typed after a
 * later sign-in and with a code that expired; four rejected IDs and the lockout page with its end time; a
 * vendor outage that does not count; the "we are checking" page while a slow check runs, and without
 * JavaScript; in person; and a journey in French up to the review. Every page passes axe and is photographed.
 */
@BrowserTest
class WizardBrowserTest extends PostgresIntegrationTest {

    @Autowired VendorStubServer stubs;
    @Autowired Accounts accounts;
    @Autowired Journeys journeys;
    @Autowired JourneyEngine engine;
    @Autowired LetterVerification letters;

    @Test
    void aPersonVerifiesWithAStateIdAndAPhoneFromSignUpToDone(Browser browser) throws Exception {
        browser.open("/verify", "unauthenticated");
        assertThat(browser.driver().getCurrentUrl()).as("the wizard needs an account").endsWith("/sign-in");
        browser.clickLink("No account yet? Create one", "sign-up");
        signUp(browser, email(), "consent");

        assertThat(browser.heading()).isEqualTo("Before you start");
        browser.click(By.id("continue"), "consent-missing");
        assertThat(browser.find(By.id("error-summary")).getText()).contains("Check the box to agree");
        browser.find(By.cssSelector("label[for=consent]")).click();
        submit(browser, "path");

        assertThat(browser.heading()).isEqualTo("How do you want to verify your identity?");
        browser.find(By.cssSelector("label[for=proofingPath-STATE_ID]")).click();
        submit(browser, "upload");

        assertThat(browser.heading()).isEqualTo("Add photos of your ID and of yourself");
        assertThat(browser.find(By.id("selfie")).getDomAttribute("capture")).isEqualTo("user");
        browser.find(By.id("front")).sendKeys(image("front", "jpg", "").toString());
        browser.click(By.id("continue"), "upload-errors");
        assertThat(browser.find(By.id("error-summary")).getText()).contains("Add this photo");
        assertThat(browser.find(By.id("back-error")).getText()).isEqualTo("Add this photo.");
        upload(browser, "");
        submit(browser, "ssn");

        assertThat(browser.heading()).isEqualTo("Enter your Social Security number");
        type(browser, "ssn", "900-12-34");
        browser.click(By.id("continue"), "ssn-error");
        assertThat(browser.find(By.id("ssn-error")).getText()).contains("9 digits");
        assertThat(browser.find(By.id("ssn")).getDomProperty("value")).as("nothing lost").isEqualTo("900-12-34");
        type(browser, "ssn", "900-12-3456");
        submit(browser, "review");

        assertThat(browser.heading()).isEqualTo("Check your information");
        assertThat(browser.find(By.id("from-id")).getText()).contains("FAKEY MCFAKERSON", "1938-10-06");
        assertThat(browser.driver().findElements(By.id("firstName"))).as("the name cannot be edited").isEmpty();
        assertThat(browser.find(By.id("ssn")).getDomProperty("value")).isEqualTo("900-12-3456");
        type(browser, "street", "12 Larkspur Way");
        type(browser, "city", "Bozeman");
        type(browser, "state", "mt");
        type(browser, "zip", "59715");
        submit(browser, "address-method");

        assertThat(browser.heading()).isEqualTo("Confirm your address");
        browser.find(By.cssSelector("label[for=addressMethod-PHONE]")).click();
        submit(browser, "phone");

        type(browser, "phone", "406 555");
        browser.click(By.id("continue"), "phone-error");
        assertThat(browser.find(By.id("phone-error")).getText()).contains("10-digit U.S. phone number");
        type(browser, "phone", "(703) 555-5444"); // the stubs' landline: its records match, a text cannot reach it
        assertThat(browser.find(By.id("codeChannel-SMS")).isSelected()).as("a text message unless chosen").isTrue();
        submit(browser, "phone-landline");

        assertThat(browser.heading()).as("back to the number, not counted").isEqualTo("Enter your phone number");
        assertThat(browser.find(By.id("check-failed")).getText()).contains("a landline cannot receive text messages");
        assertThat(browser.find(By.id("phone")).getDomProperty("value")).as("nothing lost").isEqualTo("(703) 555-5444");
        browser.find(By.cssSelector("label[for=codeChannel-VOICE]")).click();
        submit(browser, "one-time-code");

        assertThat(browser.heading()).isEqualTo("Enter the code we sent you");
        type(browser, "code", "WRONG1");
        submit(browser, "one-time-code-wrong");
        assertThat(browser.find(By.id("check-failed")).getText()).contains("tries left");
        type(browser, "code", lastSent(stubs, "/telephony/v1/messages", "code"));
        submit(browser, "password");

        assertThat(browser.heading()).isEqualTo("Re-enter your password");
        type(browser, "password", "not my password at all");
        browser.click(By.id("continue"), "password-wrong");
        assertThat(browser.find(By.id("password-error")).getText()).contains("not right");
        type(browser, "password", PASSWORD);
        AsAPerson.submitToThePersonalKey(browser, "personal-key");

        assertThat(browser.heading()).isEqualTo("Save your personal key");
        String personalKey = browser.find(By.id("personal-key")).getText();
        assertThat(personalKey).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        printAndCopy(browser, personalKey);
        type(browser, "personalKey", "AAAA-AAAA-AAAA-AAAA");
        browser.click(By.id("continue"), "personal-key-wrong");
        assertThat(browser.find(By.id("personalKey-error")).getText()).contains("not your personal key");
        assertThat(browser.driver().findElements(By.id("personal-key"))).as("shown once: not again after a wrong key")
                .isEmpty();
        assertThat(browser.find(By.id("personal-key-gone")).getText()).contains("only once");
        type(browser, "personalKey", personalKey.toLowerCase(Locale.ROOT));
        submit(browser, "share");

        assertThat(browser.heading()).isEqualTo("Nothing is shared yet");
        submit(browser, "done");

        assertThat(browser.heading()).isEqualTo("You are done");
        assertThat(browser.find(By.id("verified")).getText()).contains("Your identity is verified");
        browser.click(By.id("sign-out"), "signed-out");
        assertThat(browser.heading()).isEqualTo("Sign in");
        browser.open("/verify", "after-sign-out");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/sign-in");
    }

    @Test
    void fourRejectedIdsLockTheUploadUntilAnExactTime(Browser browser) throws Exception {
        String email = email();
        browser.open("/sign-up", "sign-up");
        signUp(browser, email, "consent");
        throughToTheUpload(browser);

        for (int remaining = 3; remaining >= 1; remaining--) {
            upload(browser, "STUB:FAKE");
            submit(browser, "rejected-" + remaining);
            assertThat(browser.heading()).isEqualTo("Add photos of your ID and of yourself");
            assertThat(browser.find(By.id("check-failed")).getText())
                    .contains(remaining == 1 ? "You have 1 try left" : "You have " + remaining + " tries left")
                    .contains("locked for 24 hours", "Use your original, physical ID");
        }
        upload(browser, "STUB:FAKE");
        submit(browser, "locked");

        assertThat(browser.heading()).isEqualTo("Please wait before trying again");
        JourneyStep step = engine.currentStep(journeys.startOrResume(accountOf(email)).id());
        assertThat(step.lockedUntil()).isAfter(java.time.Instant.now().plus(Duration.ofHours(23)));
        assertThat(browser.find(By.id("locked-until")).getText())
                .contains(LocalTimes.dateAndTime(step.lockedUntil(), Locale.ENGLISH)).contains("UTC");

        browser.open("/verify", "locked-again");
        assertThat(browser.heading()).as("a refresh does not get past it").isEqualTo("Please wait before trying again");
    }

    @Test
    void aVendorOutageSaysSoAndDoesNotCount(Browser browser) throws Exception {
        browser.open("/sign-up", "sign-up");
        signUp(browser, email(), "consent");
        throughToTheUpload(browser);

        // Also without JavaScript: the server, not the browser, refuses what is not a photo.
        browser.withoutJavaScript().open("/verify", "upload-without-javascript");
        upload(browser, "STUB:ERROR");
        browser.find(By.id("back")).sendKeys(notAnImage().toString());
        browser.click(By.id("continue"), "upload-not-an-image");
        assertThat(browser.find(By.id("back-error")).getText()).contains("not a JPEG or PNG");

        upload(browser, "STUB:ERROR");
        submit(browser, "vendor-error");

        assertThat(browser.heading()).isEqualTo("Add photos of your ID and of yourself");
        assertThat(browser.find(By.id("vendor-error")).getText())
                .contains("temporarily unavailable", "This did not count against you");
        assertThat(browser.driver().findElements(By.id("check-failed"))).isEmpty();

        upload(browser, "");
        submit(browser, "after-outage");
        assertThat(browser.heading()).isEqualTo("Enter your Social Security number");
    }

    @Test
    void whileACheckRunsThePageAsksQuietlyAndMovesOnOnce(Browser browser) throws Exception {
        browser.open("/sign-up", "sign-up");
        signUp(browser, email(), "consent");
        throughToTheUpload(browser);
        upload(browser, "STUB:SLOW"); // the stubs pass this ID after 4 s

        browser.click(By.id("continue"), "checking");
        assertThat(browser.heading()).isEqualTo("We are checking your information");
        assertThat(browser.find(By.cssSelector("main .usa-intro")).getText())
                .isEqualTo("This usually takes a few seconds. Please keep this page open.");
        assertThat(browser.driver().findElements(By.id("taking-long"))).isEmpty();
        assertThat(browser.find(By.id("checking-status")).getDomAttribute("role")).isEqualTo("status");
        assertThat(browser.driver().findElements(By.cssSelector("meta[http-equiv=refresh]")))
                .as("with JavaScript the page does not reload itself").isEmpty();

        // From here the test does not navigate: the page's script asks /verify/status and moves on once.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(driver -> "Enter your Social Security number".equals(driver.findElement(By.tagName("h1")).getText()));
        assertThat(browser.driver().getCurrentUrl()).as("no reload of the checking page in between").endsWith("/verify");
        browser.open("/verify", "ssn");
    }

    @Test
    void withoutJavaScriptTheCheckingPageReloadsItselfAndPassesAxe(Browser browser) throws Exception {
        browser.open("/sign-up", "sign-up");
        signUp(browser, email(), "consent");
        throughToTheUpload(browser);
        browser.withoutJavaScript().open("/verify", "upload-without-javascript");
        upload(browser, "STUB:SLOW");

        // The page reloads itself at once and the server holds that reload while the check runs. Here the
        // browser stops the reload, as a person pressing Stop would, so the page stays put for the harness.
        try (StoppedRequests reloads = browser.stopping("*/verify?checkingSince=*")) {
            browser.click(By.id("continue"), "checking-without-javascript");
            // The refresh is due at once, but Chromium may issue it a moment after the harness's checks.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> reloads.count() > 0);
            assertThat(reloads.count()).as("the page reloaded itself, once").isEqualTo(1);
        }
        assertThat(browser.heading()).isEqualTo("We are checking your information");
        assertThat(browser.find(By.cssSelector("meta[http-equiv=refresh]")).getDomAttribute("content"))
                .startsWith("0;url=/verify?checkingSince=");

        browser.find(By.linkText("Refresh now")).click();
        awaitTheJourney(browser, "ssn-without-javascript");
        assertThat(browser.heading()).isEqualTo("Enter your Social Security number");
    }

    @Test
    void withoutJavaScriptTheCheckingPageMovesOnByItself(Browser browser) {
        browser.open("/sign-up", "sign-up");
        signUp(browser, email(), "consent");
        throughToTheUpload(browser);
        browser.withoutJavaScript().open("/verify", "upload-without-javascript");
        upload(browser, "STUB:SLOW");
        browser.find(By.id("continue")).click();

        // From here the test does not navigate: only the checking page's own meta refresh can move it on.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(driver -> "Enter your Social Security number".equals(driver.findElement(By.tagName("h1")).getText()));
        assertThat(browser.driver().getCurrentUrl()).as("reached through the checking page's reload")
                .contains("/verify?checkingSince=");
        browser.open("/verify", "ssn-without-javascript");
    }

    @Test
    void aJourneyInFrenchFromSignUpToDone(Browser browser) throws Exception {
        browser.open("/sign-up?lang=fr", "inscription");
        assertThat(browser.heading()).isEqualTo("Créer un compte");
        signUp(browser, email(), "consentement");

        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.heading()).isEqualTo("Avant de commencer");
        browser.click(By.id("continue"), "consentement-manquant");
        assertThat(browser.find(By.id("error-summary")).getText()).contains("Veuillez corriger", "Cochez la case");
        browser.find(By.cssSelector("label[for=consent]")).click();
        submit(browser, "parcours");

        assertThat(browser.heading()).isEqualTo("Comment voulez-vous vérifier votre identité ?");
        browser.find(By.cssSelector("label[for=proofingPath-STATE_ID]")).click();
        submit(browser, "photos");

        assertThat(browser.heading()).isEqualTo("Ajoutez des photos de votre pièce d’identité et de vous-même");
        upload(browser, "STUB:GLARE");
        submit(browser, "photos-refusees");
        assertThat(browser.find(By.id("check-failed")).getText())
                .as("what to do, and the tries left before a lockout, in French")
                .contains("Cela n’a pas fonctionné", "reflet", "Il vous reste 3 essais", "24 heures");
        upload(browser, "");
        submit(browser, "nss");

        assertThat(browser.heading()).isEqualTo("Saisissez votre numéro de sécurité sociale");
        type(browser, "ssn", "12");
        browser.click(By.id("continue"), "nss-erreur");
        assertThat(browser.find(By.id("ssn-error")).getText()).contains("9 chiffres");
        browser.clickLink("English", "ssn-in-english");
        assertThat(browser.heading()).as("the switch on a re-shown form").isEqualTo("Enter your Social Security number");
        browser.clickLink("Français", "nss-en-francais");
        type(browser, "ssn", "900-22-3456");
        submit(browser, "verification");

        assertThat(browser.heading()).isEqualTo("Vérifiez vos informations");
        assertThat(browser.find(By.id("from-id")).getText()).contains("Nom", "Date de naissance", "FAKEY MCFAKERSON");
        submit(browser, "methode-adresse");

        assertThat(browser.heading()).isEqualTo("Confirmez votre adresse");
        browser.find(By.cssSelector("label[for=addressMethod-PHONE]")).click();
        submit(browser, "telephone");

        assertThat(browser.heading()).isEqualTo("Saisissez votre numéro de téléphone");
        type(browser, "phone", "(406) 555-" + (1000 + (int) (Math.random() * 8999)));
        submit(browser, "code-unique");

        assertThat(browser.heading()).isEqualTo("Saisissez le code que nous vous avons envoyé");
        type(browser, "code", "WRONG1");
        submit(browser, "code-unique-faux");
        assertThat(browser.find(By.id("check-failed")).getText()).contains("Il vous reste", "10 minutes");
        type(browser, "code", lastSent(stubs, "/telephony/v1/messages", "code"));
        submit(browser, "mot-de-passe");

        assertThat(browser.heading()).isEqualTo("Saisissez de nouveau votre mot de passe");
        type(browser, "password", PASSWORD);
        AsAPerson.submitToThePersonalKey(browser, "cle-personnelle");

        assertThat(browser.heading()).isEqualTo("Conservez votre clé personnelle");
        type(browser, "personalKey", browser.find(By.id("personal-key")).getText());
        submit(browser, "partage");

        assertThat(browser.heading()).isEqualTo("Rien n’est encore partagé");
        submit(browser, "termine");

        assertThat(browser.heading()).isEqualTo("C’est terminé");
        assertThat(browser.find(By.id("verified")).getText()).contains("Votre identité est vérifiée");
        assertThat(browser.language()).as("French throughout").isEqualTo("fr");
    }

    @Test
    void byLetterTheCodeIsEnteredAfterSigningInAgain(Browser browser) throws Exception {
        String email = email();
        browser.open("/sign-up", "sign-up");
        signUp(browser, email, "consent");
        throughToTheLetterCode(browser, "900-33-4567");

        browser.click(By.id("sign-out"), "signed-out");
        type(browser, "email", email);
        type(browser, "password", "not the password");
        browser.click(By.id("sign-in"), "sign-in-rejected");
        assertThat(browser.find(By.id("sign-in-error")).getText()).contains("more tries");
        AsAPerson.signIn(browser, email, "letter-code-later");

        assertThat(browser.heading()).as("the journey resumes").isEqualTo("Enter the code from your letter");
        type(browser, "code", lastSent(stubs, "/usps/v1/letters", "code"));
        submit(browser, "share");
        submit(browser, "done");
        assertThat(browser.find(By.id("verified")).getText()).contains("Your identity is verified");
    }

    @Test
    void byLetterAnExpiredCodeLeadsToANewLetterWhoseNewCodeWorks(Browser browser) throws Exception {
        String email = email();
        browser.open("/sign-up", "sign-up");
        signUp(browser, email, "consent");
        throughToTheLetterCode(browser, "900-55-6789");
        JourneyId journey = journeys.startOrResume(accountOf(email)).id();
        String firstCode = lastSent(stubs, "/usps/v1/letters", "code");
        Instant firstExpiry = letters.latestCodeExpiry(journey).orElseThrow();
        assertThat(browser.find(By.id("letter-code-deadline")).getText())
                .isEqualTo("Enter it before " + LocalTimes.dateAndTime(firstExpiry, Locale.ENGLISH) + ".");

        try {
            // A month later (proofline.policy.letter-code-validity is 30 days): the engine's clock moves, the
            // job executor finds the code's timer due, and the session from a month ago has ended.
            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(31))));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(100))
                    .until(driver -> engine.currentStep(journey).is("RequestNewLetter"));
            browser.open("/verify", "a-month-later");
            assertThat(browser.heading()).isEqualTo("Sign in");
            AsAPerson.signIn(browser, email, "code-expired");

            assertThat(browser.heading()).isEqualTo("Your code has expired");
            assertThat(browser.find(By.id("code-expired")).getText()).isEqualTo("The code in the letter we mailed you expired on "
                    + LocalTimes.dateAndTime(firstExpiry, Locale.ENGLISH) + ". It no longer works.");
            assertThat(browser.find(By.id("new-letter")).getText()).isEqualTo("We will mail a new letter with a new code"
                    + " to the address you confirmed. The new code works for 30 days from the day we mail it.");
            assertThat(browser.find(By.id("continue")).getText()).isEqualTo("Send a new letter");
            int lettersBefore = stubs.server().findAll(postRequestedFor(urlEqualTo("/usps/v1/letters"))).size();
            browser.click(By.id("continue"), "new-letter-without-password");
            assertThat(browser.find(By.id("password-error")).getText()).contains("Enter your password to send a new letter");
            assertThat(browser.heading()).as("the address is locked with the password").isEqualTo("Your code has expired");
            type(browser, "password", "not my password at all");
            browser.click(By.id("continue"), "new-letter-wrong-password");
            assertThat(browser.find(By.id("password-error")).getText()).contains("That password is not right");
            assertThat(stubs.server().findAll(postRequestedFor(urlEqualTo("/usps/v1/letters")))).as("no letter sent")
                    .hasSize(lettersBefore);
            type(browser, "password", PASSWORD);
            submit(browser, "new-letter-code");

            assertThat(browser.heading()).isEqualTo("Enter the code from your letter");
            String secondCode = lastSent(stubs, "/usps/v1/letters", "code");
            Instant secondExpiry = letters.latestCodeExpiry(journey).orElseThrow();
            assertThat(secondCode).isNotEqualTo(firstCode);
            assertThat(secondExpiry).as("30 days from day 31").isAfter(firstExpiry.plus(Duration.ofDays(30)));
            assertThat(browser.find(By.id("letter-code-deadline")).getText())
                    .isEqualTo("Enter it before " + LocalTimes.dateAndTime(secondExpiry, Locale.ENGLISH) + ".");

            type(browser, "code", firstCode);
            submit(browser, "old-code-refused");
            assertThat(browser.heading()).isEqualTo("Enter the code from your letter");
            assertThat(browser.find(By.id("check-failed")).getText()).contains("That did not work");
            type(browser, "code", secondCode);
            submit(browser, "share");
            assertThat(browser.heading()).isEqualTo("Nothing is shared yet");
            submit(browser, "done");
            assertThat(browser.find(By.id("verified")).getText()).contains("Your identity is verified");
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void aCardHolderWithoutACardReaderHereStartsOverAnotherWay(Browser browser) {
        browser.open("/sign-up", "sign-up");
        signUp(browser, email(), "consent");
        browser.find(By.cssSelector("label[for=consent]")).click();
        submit(browser, "path");
        browser.find(By.cssSelector("label[for=proofingPath-PIV_CAC]")).click();
        submit(browser, "connect-card");

        assertThat(browser.heading()).isEqualTo("Connect your PIV or CAC card");
        browser.click(By.id("start-over"), "started-over");
        assertThat(browser.heading()).as("a new journey").isEqualTo("Before you start");
    }

    @Test
    void inPersonThePersonGetsAnEnrollmentCodeAndADeadline(Browser browser) {
        browser.open("/sign-up", "sign-up");
        signUp(browser, email(), "consent");
        browser.find(By.cssSelector("label[for=consent]")).click();
        submit(browser, "path");
        browser.find(By.cssSelector("label[for=proofingPath-IN_PERSON]")).click();
        submit(browser, "id-details");

        assertThat(browser.heading()).isEqualTo("Enter your information");
        type(browser, "firstName", "Jo");
        browser.click(By.id("continue"), "id-details-errors");
        assertThat(browser.find(By.id("error-summary")).getText())
                .contains("Enter your last name", "Enter your date of birth", "Enter a 5-digit ZIP code");
        assertThat(browser.find(By.id("firstName")).getDomProperty("value")).as("nothing lost").isEqualTo("Jo");
        AsAPerson.typeInPersonDetails(browser, "IppPassed", "900-44-5678");
        submit(browser, "review");

        assertThat(browser.find(By.id("from-id")).getText()).contains("Jo IppPassed", "1980-05-06");
        submit(browser, "password");
        type(browser, "password", PASSWORD);
        AsAPerson.submitToThePersonalKey(browser, "personal-key");
        String shown = browser.find(By.id("personal-key")).getText();
        // A reload does not show the key again: it says it was shown, and offers a new one for the password.
        browser.withoutJavaScript().open("/verify", "personal-key-reloaded-without-javascript");
        assertThat(browser.driver().findElements(By.id("personal-key"))).as("the key is shown only once").isEmpty();
        assertThat(browser.find(By.id("personal-key-gone")).getText()).contains("only once");
        type(browser, "password", PASSWORD);
        AsAPerson.submitToThePersonalKey(browser, "personal-key-without-javascript", By.id("new-personal-key"));
        String renewed = browser.find(By.id("personal-key")).getText();
        assertThat(renewed).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}").isNotEqualTo(shown);
        assertThat(browser.find(By.id("personal-key-actions")).isDisplayed()).as("no button that does nothing").isFalse();
        assertThat(browser.find(By.id("print-personal-key")).isDisplayed()).isFalse();
        assertThat(browser.find(By.id("copy-personal-key")).isDisplayed()).isFalse();
        type(browser, "personalKey", shown);
        browser.click(By.id("continue"), "personal-key-replaced");
        assertThat(browser.find(By.id("personalKey-error")).getText()).as("the replaced key works no more")
                .contains("not your personal key");
        type(browser, "personalKey", renewed);
        submit(browser, "post-office");

        assertThat(browser.heading()).isEqualTo("Visit a Post Office");
        assertThat(browser.find(By.id("enrollment-code")).getText()).hasSize(16);
        assertThat(browser.find(By.id("enrollment-deadline")).getText()).startsWith("Go before").contains("UTC");
    }

    // ---- as a person does it

    /**
     * With JavaScript the personal key page has Print and Copy. Print opens the browser's print dialog (a
     * stub here: a real dialog would block the test); printed, the page shows the key without buttons or form.
     * Copy puts exactly the key on the clipboard and says so in a status message, or says it could not.
     */
    private static void printAndCopy(Browser browser, String personalKey) {
        HasCdp chromium = (HasCdp) browser.driver();
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        String origin = URI.create(browser.driver().getCurrentUrl()).resolve("/").toString().replaceAll("/$", "");
        WebElement print = browser.find(By.id("print-personal-key"));
        WebElement copy = browser.find(By.id("copy-personal-key"));
        WebElement status = browser.find(By.id("personal-key-copy-status"));
        assertThat(print.isDisplayed()).isTrue();
        assertThat(copy.isDisplayed()).isTrue();
        assertThat(print.getText()).isEqualTo("Print");
        assertThat(copy.getText()).isEqualTo("Copy");
        assertThat(status.getDomAttribute("role")).isEqualTo("status");

        page.executeScript("window.printed = 0; window.print = () => { window.printed++; };");
        print.click();
        assertThat(page.executeScript("return window.printed;")).as("window.print() called").isEqualTo(1L);
        chromium.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.find(By.id("personal-key")).isDisplayed()).as("the key on paper").isTrue();
            assertThat(print.isDisplayed()).isFalse();
            assertThat(browser.find(By.id("continue")).isDisplayed()).as("no form on paper").isFalse();
            assertThat(browser.find(By.id("sign-out")).isDisplayed()).as("no header on paper").isFalse();
        } finally {
            chromium.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }

        try {
            chromium.executeCdpCommand("Browser.setPermission", Map.of("origin", origin, "setting", "denied",
                    "permission", Map.of("name", "clipboard-write")));
            copy.click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(driver -> !status.getText().isEmpty());
            assertThat(status.getText()).startsWith("Your browser did not let us copy the key");

            chromium.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
                    "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
            copy.click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(driver -> status.getText().startsWith("Copied"));
            assertThat(status.getText()).isEqualTo("Copied. Paste your personal key somewhere safe.");
            assertThat(page.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " navigator.clipboard.readText().then(done, error => done('not read: ' + error));"))
                    .as("the clipboard holds the key").isEqualTo(personalKey);
            browser.check("personal-key-copied");
        } finally {
            chromium.executeCdpCommand("Browser.resetPermissions", Map.of());
        }
    }


    /** Waits while the page says "we are checking" (it reloads itself), then checks the step reached. */
    private AccountId accountOf(String email) {
        SignInResult signedIn = accounts.signIn(email, PASSWORD, "203.0.113.7");
        return ((SignInResult.SignedIn) signedIn).account();
    }

    private static Path notAnImage() throws IOException {
        Files.createDirectories(AsAPerson.IMAGES);
        return Files.writeString(AsAPerson.IMAGES.resolve("notes.txt"), "not a photo").toAbsolutePath();
    }
}
