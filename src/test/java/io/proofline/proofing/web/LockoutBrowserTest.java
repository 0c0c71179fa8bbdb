package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.PASSWORD;
import static io.proofline.proofing.web.AsAPerson.email;
import static io.proofline.proofing.web.AsAPerson.signUp;
import static io.proofline.proofing.web.AsAPerson.submit;
import static io.proofline.proofing.web.AsAPerson.throughToTheUpload;
import static io.proofline.proofing.web.AsAPerson.upload;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.SignInResult;
import io.proofline.proofing.JourneyEngine;
import io.proofline.proofing.Journeys;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;

/**
 * A lockout of the ID's photos, in a browser whose clock is in Chicago: the locked page says when it ends in the
 * browser's own zone, named, and which ways are open meanwhile; after "verify another way" the consent page says at
 * once which way is paused, and the choice does not offer it.
 */
@BrowserTest
class LockoutBrowserTest extends PostgresIntegrationTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Autowired Accounts accounts;
    @Autowired Journeys journeys;
    @Autowired JourneyEngine engine;

    @Test
    void theLockedPageSaysTheEndInTheBrowsersZoneAndOffersTheWaysStillOpen(Browser browser) {
        HasCdp chromium = (HasCdp) browser.driver();
        chromium.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", CHICAGO.getId()));
        try {
            String email = email();
            browser.open("/sign-up", "sign-up");
            signUp(browser, email, "consent");
            throughToTheUpload(browser);
            for (int attempt = 1; attempt <= 4; attempt++) {
                upload(browser, "STUB:FAKE");
                submit(browser, attempt == 4 ? "locked" : "rejected-" + attempt);
            }
            assertThat(browser.heading()).isEqualTo("Please wait before trying again");
            AccountId account = ((SignInResult.SignedIn) accounts.signIn(email, PASSWORD, "203.0.113.7")).account();
            Instant end = engine.currentStep(journeys.active(account).orElseThrow().id()).lockedUntil();

            String shown = browser.find(By.id("locked-until")).getText().replace('\u202f', ' ');
            assertThat(shown).contains(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).withZone(CHICAGO).format(end))
                    .contains(DateTimeFormatter.ofPattern("h:mm:ss a", Locale.ENGLISH).withZone(CHICAGO).format(end))
                    .contains("CST").doesNotContain("UTC");
            assertThat(browser.find(By.id("open-paths")).getText()).contains("In person at a Post Office")
                    .doesNotContain("With a state-issued ID");

            browser.click(By.id("another-way"), "consent-told-at-once");
            assertThat(browser.heading()).isEqualTo("Before you start");
            assertThat(browser.find(By.id("paused-paths")).getText())
                    .contains("Verifying with a state-issued ID is paused until", "CST", "You can verify another way now");
            browser.find(By.cssSelector("label[for=consent]")).click();
            submit(browser, "path");
            assertThat(browser.find(By.id("proofingPath-STATE_ID")).isEnabled()).as("not offered").isFalse();
            assertThat(browser.find(By.id("proofingPath-IN_PERSON")).isEnabled()).isTrue();
        } finally {
            chromium.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
        }
    }
}
