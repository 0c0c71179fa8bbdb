package io.proofline.proofing.web;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.proofline.support.browser.Browser;
import io.proofline.vendors.VendorStubServer;

/** What the wizard's browser tests do as a person would: type, submit, wait while the service checks. */
final class AsAPerson {

    static final String PASSWORD = "a long and honest passphrase";

    private AsAPerson() {
    }

    static void type(Browser browser, String field, String text) {
        WebElement input = browser.find(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    static void submit(Browser browser, String step) {
        submit(browser, step, By.id("continue"));
    }

    /**
     * Submits, waits while the page says "we are checking", then has the harness check the page the journey
     * arrived at. The checking page is photographed by the tests about it (WizardBrowserTest), not here.
     */
    static void submit(Browser browser, String step, By button) {
        browser.find(button).click();
        awaitTheJourney(browser, step);
    }

    /**
     * Waits until the browser is back on the wizard's port and no longer on the checking page (which moves on
     * by itself), then checks the step reached.
     */
    static void awaitTheJourney(Browser browser, String step) {
        String wizard = browser.address("/verify");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(driver -> {
                    if (!driver.getCurrentUrl().startsWith(browser.address("/"))
                            || !driver.findElements(By.id("checking")).isEmpty()) {
                        return false; // on its way back from the card-reader port, or still checking
                    }
                    driver.get(wizard); // the journey's step now, before the harness looks at it
                    return driver.findElements(By.id("checking")).isEmpty();
                });
        browser.open("/verify", step);
    }

    /** A field of the last request the vendor stubs received at {@code path}: a one-time code, a letter's code. */
    static String lastSent(VendorStubServer stubs, String path, String field) throws IOException {
        List<LoggedRequest> sent = stubs.server().findAll(postRequestedFor(urlEqualTo(path)));
        return new ObjectMapper().readTree(sent.get(sent.size() - 1).getBodyAsString()).get(field).asText();
    }

    static String email() {
        return "wizard." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
