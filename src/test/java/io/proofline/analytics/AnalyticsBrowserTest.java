package io.proofline.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import io.proofline.accounts.Accounts;
import io.proofline.proofing.Journeys;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;
import io.proofline.system.ManagementPort;

/**
 * An analyst's visit to the management port's own pages, in Chromium: sent to the sign-in, a wrong password, signed
 * in, the journeys per process in English and French, signed out. Each page is ours, so each is checked (axe).
 */
@BrowserTest
class AnalyticsBrowserTest extends PostgresIntegrationTest {

    @Autowired ManagementPort management;
    @Autowired Accounts accounts;
    @Autowired Journeys journeys;
    @Value("${proofline.staff.analyst.username}") String analyst;
    @Value("${proofline.staff.analyst.password}") String password;

    @Test
    void anAnalystSignsInSeesTheJourneysPerProcessInBothLanguagesAndSignsOut(Browser browser) throws Exception {
        journeys.startOrResume(accounts.signUp("analytics." + UUID.randomUUID() + "@example.org",
                "a long and honest passphrase"));
        WebDriver driver = browser.driver();

        driver.get(management.localUrl() + "/analytics");
        browser.check("sign-in");
        assertThat(driver.getCurrentUrl()).endsWith("/analytics/sign-in");
        assertThat(browser.heading()).isEqualTo("Staff sign-in");

        driver.findElement(By.id("username")).sendKeys(analyst);
        driver.findElement(By.id("password")).sendKeys("not the password");
        browser.click(By.id("sign-in"), "wrong-password");
        assertThat(driver.findElement(By.id("sign-in-error")).getText()).contains("Wrong user name or password");

        driver.findElement(By.id("username")).sendKeys(analyst);
        driver.findElement(By.id("password")).sendKeys(password);
        browser.click(By.id("sign-in"), "dashboard");
        assertThat(driver.getCurrentUrl()).endsWith("/analytics");
        assertThat(browser.heading()).isEqualTo("Journeys");
        assertThat(driver.findElement(By.cssSelector("#journeys tr[data-process='identity-proofing'] .started"))
                .getText()).isNotEqualTo("0");

        driver.get(management.localUrl() + "/analytics?lang=fr");
        browser.check("dashboard-fr");
        assertThat(browser.heading()).isEqualTo("Parcours");
        assertThat(browser.language()).isEqualTo("fr");

        browser.click(By.id("staff-sign-out"), "signed-out");
        assertThat(driver.getCurrentUrl()).contains("/analytics/sign-in?signedOut");
        driver.get(management.localUrl() + "/analytics?lang=en");
        assertThat(driver.getCurrentUrl()).as("signed out on the server").endsWith("/analytics/sign-in");
    }
}
