package io.proofline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;

/**
 * An operator's day in Cockpit, on the management port, in Chromium: signs in, opens a journey step that failed
 * (an incident) and retries it. Cockpit is Camunda's page: it is photographed, not held to our own page checks.
 */
@BrowserTest
class CockpitBrowserTest extends PostgresIntegrationTest {

    @Autowired ManagementPort management;
    @Autowired ProcessEngine engine;
    @Value("${proofline.operator.username}") String operator;
    @Value("${proofline.operator.password}") String operatorPassword;

    @Test
    void anOperatorSignsInToCockpitOpensAnIncidentAndRetriesIt(Browser browser) throws Exception {
        ProcessInstance letter = FailedJobs.letterForNobody(engine);
        try {
            Job job = FailedJobs.failedOnce(engine, letter.getId());
            engine.getManagementService().setJobRetries(job.getId(), 0);
            assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(letter.getId()).count()).isOne();
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            String cockpit = management.localUrl() + "/camunda/app/cockpit/" + engine.getName() + "/";

            driver.get(cockpit);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                    .sendKeys(operator);
            driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(operatorPassword);
            browser.photograph("sign-in");
            driver.findElement(By.cssSelector("button[type='submit']")).click();
            wait.until(ExpectedConditions.urlContains("#/dashboard"));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='password']")));
            browser.photograph("dashboard");

            driver.get(cockpit + "#/process-instance/" + letter.getId() + "/runtime?tab=incidents-tab");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[ng-click='openJobRetryDialog(incident)']")));
            browser.photograph("incident");
            driver.findElement(By.cssSelector("a[ng-click='openJobRetryDialog(incident)']")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='incrementRetry()']"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".modal-footer button[ng-show=\"status === 'finished' || status === 'failed'\"]")));
            browser.photograph("retried");

            assertThat(engine.getHistoryService().createUserOperationLogQuery().userId(operator)
                    .operationType("SetJobRetries").jobId(job.getId()).count()).as("the retry, by the operator").isPositive();
            assertThat(driver.findElement(By.cssSelector(".modal-body")).getText())
                    .as("Cockpit says the retry went through").contains("successfully");
        } finally {
            engine.getRuntimeService().deleteProcessInstance(letter.getId(), "test over");
        }
    }
}
