package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.email;
import static io.proofline.proofing.web.AsAPerson.lastSent;
import static io.proofline.proofing.web.AsAPerson.signUp;
import static io.proofline.proofing.web.AsAPerson.submit;
import static io.proofline.proofing.web.AsAPerson.throughThePasswordAndPersonalKey;
import static io.proofline.proofing.web.AsAPerson.throughToTheOneTimeCode;
import static io.proofline.proofing.web.AsAPerson.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;
import io.proofline.vendors.VendorStubServer;

/**
 * What a newcomer trying the protocol by hand sees: the sample agency's button, a new account, proofing, the consent
 * to the agency at the journey's end, and the sample agency's page with the claims it received; a person signed in
 * earlier types their password again, consents on the consent page and stops sharing from their account; a request
 * from no registered agency is refused on our page.
 */
@BrowserTest
@Import(VerifiedPeople.class)
class SampleAgencyBrowserTest extends PostgresIntegrationTest {

    /** The consent page's picture in the docs (docs/sharing.md), taken from this run. */
    static final Path CONSENT_PAGE_PICTURE = Path.of("docs", "screenshots", "consent-page.png");

    static final String PASSWORD = "a sample agency's passphrase";

    @Autowired VendorStubServer stubs;
    @Autowired VerifiedPeople people;

    @Test
    void theSampleAgencysButtonLeadsThroughSignUpProofingAndConsentToTheClaimsItReceived(Browser browser)
            throws Exception {
        String ssn = "900-62-4417";
        browser.open("/sample-agency", "sample-agency");
        browser.click(By.id("sign-in-with-proofline"), "sign-in-for-the-agency");
        assertThat(browser.heading()).isEqualTo("Sign in");
        browser.clickLink("No account yet? Create one", "sign-up");
        signUp(browser, email(), "consent");
        assertThat(browser.heading()).as("not verified yet: the agency's request waits while proofing")
                .isEqualTo("Before you start");

        throughToTheOneTimeCode(browser, ssn, "(406) 555-0177");
        type(browser, "code", lastSent(stubs, "/telephony/v1/messages", "code"));
        submit(browser, "password");
        throughThePasswordAndPersonalKey(browser, "share-with-the-agency");

        assertThat(browser.heading()).isEqualTo("Share your verified information with Sample Agency");
        assertThat(browser.find(By.id("value-social_security_number")).getText()).as("masked until revealed")
                .contains("•••-••-4417").doesNotContain("900-62");
        browser.find(By.cssSelector("#value-social_security_number summary")).click();
        assertThat(browser.find(By.id("value-social_security_number")).getText()).contains(ssn);
        assertThat(browser.find(By.id("value-address")).getText()).as("the address on its lines").contains("\n");
        browser.check("share-with-the-agency-revealed");
        Files.createDirectories(CONSENT_PAGE_PICTURE.getParent());
        Files.copy(browser.screenshotOf("share-with-the-agency"), CONSENT_PAGE_PICTURE,
                StandardCopyOption.REPLACE_EXISTING);

        submit(browser, "done", By.id("agree"));
        assertThat(browser.find(By.id("verified")).getText()).contains("Your identity is verified");
        browser.find(By.id("continue-to-agency")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(driver -> !driver.findElements(By.id("received-claims")).isEmpty());
        browser.check("sample-agency-received");

        assertThat(browser.driver().getCurrentUrl()).contains("/sample-agency");
        assertThat(claim(browser, "social_security_number")).isEqualTo(ssn);
        assertThat(claim(browser, "phone")).isEqualTo("+14065550177");
        assertThat(claim(browser, "given_name")).isNotBlank();
        assertThat(claim(browser, "address")).contains("\n");
        assertThat(claim(browser, "verified_at")).as("a date a person reads").doesNotContainPattern("^\\d+$");
    }

    @Test
    void aPersonSignedInEarlierTypesTheirPasswordAgainConsentsAndSeesTheAgencyOnTheirAccountUntilTheyStopIt(
            Browser browser) {
        VerifiedPeople.Verified person = people.aVerifiedPerson(PASSWORD);
        browser.open("/sign-in", "sign-in");
        type(browser, "email", person.email());
        type(browser, "password", PASSWORD);
        browser.click(By.id("sign-in"), "second-factor");
        type(browser, "code", person.backupCodes().get(0));
        browser.click(By.id("continue"), "signed-in");

        browser.open("/sample-agency", "sample-agency");
        browser.click(By.id("sign-in-with-proofline"), "password-again");
        assertThat(browser.heading()).as("the session holds no decrypted profile: the password opens it")
                .isEqualTo("Enter your password again");
        type(browser, "password", "not the password");
        browser.click(By.id("continue"), "password-again-wrong");
        assertThat(browser.find(By.id("password-error")).getText()).isNotBlank();
        assertThat(browser.find(By.id("password-attempts")).getText()).isNotBlank();
        type(browser, "password", PASSWORD);
        browser.find(By.id("continue")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(driver -> !driver.findElements(By.id("agree")).isEmpty());
        browser.check("consent-page");
        assertThat(browser.heading()).isEqualTo("Sample Agency is asking for your information");
        assertThat(browser.find(By.id("value-given_name")).getText()).isEqualTo(person.pii().firstName());

        browser.find(By.id("agree")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(driver -> !driver.findElements(By.id("received-claims")).isEmpty());
        browser.check("sample-agency-received");
        assertThat(claim(browser, "family_name")).isEqualTo(person.pii().lastName());

        browser.open("/account/agencies", "connected-agencies");
        assertThat(browser.find(By.cssSelector("[data-client-id=sample-agency] .receives")).getText())
                .contains("Social Security number");
        assertThat(browser.find(By.id("history")).getText()).contains("Sample Agency");
        browser.click(By.cssSelector("[data-client-id=sample-agency] button.revoke"), "stopped-sharing");
        assertThat(browser.find(By.id("revoked")).getText()).contains("Sample Agency");
        assertThat(browser.driver().findElements(By.cssSelector("[data-client-id=sample-agency]"))).isEmpty();
    }

    @Test
    void aRequestFromNoRegisteredAgencyIsRefusedOnOurPageAndTheLettersWaitIsExplained(Browser browser) {
        browser.open("/oauth2/authorize?response_type=code&client_id=nobody-registered-this&scope=openid"
                + "&redirect_uri=https%3A%2F%2Fattacker.example.com%2Fcallback", "refused");
        assertThat(browser.find(By.id("refused")).getText()).isNotBlank();
        assertThat(browser.driver().getCurrentUrl()).as("never sent on").doesNotContain("attacker.example.com/callback?");
        browser.open("/connect/not-yet?lang=fr", "not-yet-fr");
        assertThat(browser.find(By.id("not-yet")).getText()).isNotBlank();
        assertThat(browser.language()).isEqualTo("fr");
    }

    private static String claim(Browser browser, String name) {
        return browser.find(By.cssSelector("tr[data-claim='" + name + "'] td")).getText();
    }
}
