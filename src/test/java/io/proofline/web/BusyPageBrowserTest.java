package io.proofline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.proofline.crypto.DerivationsBusyException;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;

/**
 * The page a person sees when every password check is busy (a burst of sign-ins; SignInBurstOnPostgresTest brings
 * it about for real): in English and French, accessible (axe-core), 503, and a way back. A test-only page throws
 * what a busy check throws, since a browser cannot time a burst.
 */
@BrowserTest
@Import(BusyPageBrowserTest.BusyCheck.class)
class BusyPageBrowserTest extends PostgresIntegrationTest {

    @TestConfiguration
    static class BusyCheck {
        @Bean
        BusyController busyController() {
            return new BusyController();
        }
    }

    @Controller
    static class BusyController {
        @GetMapping("/verify/test-only-busy")
        String busy() {
            throw new DerivationsBusyException(Duration.ofSeconds(2));
        }
    }

    @Test
    void aBusyPasswordCheckSaysToTryAgainInAMomentInThePersonsLanguage(Browser browser) {
        browser.open("/verify/test-only-busy", "busy-en");

        assertThat(browser.status()).isEqualTo(503);
        assertThat(browser.heading()).isEqualTo("Too many people are signing in right now");
        assertThat(browser.find(By.cssSelector(".usa-intro")).getText()).contains("nothing counts against you");
        assertThat(browser.find(By.id("try-again")).getAttribute("href")).endsWith("/verify");

        browser.open("/verify/test-only-busy?lang=fr", "busy-fr");

        assertThat(browser.heading()).isEqualTo("Trop de personnes se connectent en ce moment");
        assertThat(browser.find(By.id("try-again")).getText()).isEqualTo("Réessayer");
    }
}
