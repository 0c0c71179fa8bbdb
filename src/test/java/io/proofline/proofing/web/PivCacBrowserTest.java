package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.PASSWORD;
import static io.proofline.proofing.web.AsAPerson.awaitTheJourney;
import static io.proofline.proofing.web.AsAPerson.email;
import static io.proofline.proofing.web.AsAPerson.lastSent;
import static io.proofline.proofing.web.AsAPerson.submit;
import static io.proofline.proofing.web.AsAPerson.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;


import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;
import io.proofline.vendors.VendorStubServer;

/**
 * A PIV/CAC holder in Chromium, with the development card in the browser's certificate store: "Connect
 * your card" leads to the card-reader port, the TLS handshake presents the card (chosen by Chromium's
 * AutoSelectCertificateForUrls policy, as a person would choose it), and the person comes back to type what
 * the card does not carry, then goes on by phone to the end.
 */
@BrowserTest(withDevelopmentCard = true)
class PivCacBrowserTest extends PostgresIntegrationTest {

    @Autowired VendorStubServer stubs;

    @Test
    void aCardHolderConnectsTheCardAndVerifiesByPhoneToDone(Browser browser) throws Exception {
        throughToTheCardStep(browser);

        assertThat(browser.heading()).isEqualTo("Connect your PIV or CAC card");
        String cardReader = browser.find(By.id("connect-card")).getDomAttribute("href");
        assertThat(URI.create(cardReader).getScheme()).isEqualTo("https");
        assertThat(URI.create(cardReader).getPort()).as("the card-reader port, not the wizard's")
                .isNotEqualTo(URI.create(browser.driver().getCurrentUrl()).getPort());
        browser.find(By.id("connect-card")).click();
        awaitTheJourney(browser, "personal-details");

        assertThat(browser.heading()).isEqualTo("Enter your information");
        typeWhatTheCardDoesNotCarry(browser, "Fakey");
        submit(browser, "review");

        assertThat(browser.heading()).isEqualTo("Check your information");
        assertThat(browser.find(By.id("from-id")).getText()).contains("Fakey McFakerson", "1970-01-02");
        submit(browser, "address-method");
        browser.find(By.cssSelector("label[for=addressMethod-PHONE]")).click();
        submit(browser, "phone");
        type(browser, "phone", "(406) 555-" + (1000 + (int) (Math.random() * 8999)));
        submit(browser, "one-time-code");
        type(browser, "code", lastSent(stubs, "/telephony/v1/messages", "code"));
        submit(browser, "password");
        type(browser, "password", PASSWORD);
        AsAPerson.submitToThePersonalKey(browser, "personal-key");
        type(browser, "personalKey", browser.find(By.id("personal-key")).getText().toLowerCase(Locale.ROOT));
        submit(browser, "share");
        submit(browser, "done");

        assertThat(browser.find(By.id("verified")).getText()).contains("Your identity is verified");

        browser.open(cardReader, "card-link-used");
        assertThat(browser.heading()).as("a link works once").isEqualTo("This link has expired");
        browser.click(By.id("back-to-wizard"), "back-from-used-link");
        assertThat(browser.heading()).isEqualTo("You are done");
    }

    @Test
    void aNameThatIsNotTheCardsIsAskedForAgainBeforeAnythingIsCounted(Browser browser) throws Exception {
        throughToTheCardStep(browser);
        browser.find(By.id("connect-card")).click();
        awaitTheJourney(browser, "personal-details");
        typeWhatTheCardDoesNotCarry(browser, "Fakie");
        browser.click(By.id("continue"), "personal-details-name-differs");

        assertThat(browser.heading()).isEqualTo("Enter your information");
        assertThat(browser.find(By.id("firstName-error")).getText()).contains("not the name on your card");
        assertThat(browser.find(By.id("firstName")).getDomProperty("value")).as("nothing lost").isEqualTo("Fakie");
        assertThat(browser.driver().findElements(By.id("check-failed"))).as("no try counted").isEmpty();

        type(browser, "firstName", "Fakey");
        submit(browser, "review");
        assertThat(browser.heading()).isEqualTo("Check your information");
    }

    /** A new account that chose PIV/CAC, at "Connect your card". */
    private static void throughToTheCardStep(Browser browser) {
        browser.open("/sign-up", "sign-up");
        AsAPerson.signUp(browser, email(), "consent");
        browser.find(By.cssSelector("label[for=consent]")).click();
        submit(browser, "path");
        browser.find(By.cssSelector("label[for=proofingPath-PIV_CAC]")).click();
        submit(browser, "connect-card");
    }

    /** The name as typed, then what the card does not carry: date of birth, address, SSN. */
    private static void typeWhatTheCardDoesNotCarry(Browser browser, String firstName) {
        type(browser, "firstName", firstName);
        type(browser, "lastName", "McFakerson");
        browser.find(By.id("dateOfBirth")).sendKeys("01021970");
        type(browser, "street", "12 Larkspur Way");
        type(browser, "city", "Bozeman");
        type(browser, "state", "MT");
        type(browser, "zip", "59715");
        type(browser, "ssn", "900-55-" + (1000 + (int) (Math.random() * 8999)));
    }
}
