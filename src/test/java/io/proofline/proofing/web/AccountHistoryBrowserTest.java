package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.proofline.accounts.Accounts;
import io.proofline.accounts.SignInResult;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;

/**
 * The account page's history, in the person's language, with the browser each event came from; and the account
 * deleted from the bottom of the page: a wrong password deletes nothing, the right one deletes it and signs out.
 */
@BrowserTest
@Import(VerifiedPeople.class)
class AccountHistoryBrowserTest extends PostgresIntegrationTest {

    static final String PASSWORD = "my history's password";

    @Autowired VerifiedPeople people;
    @Autowired Accounts accounts;

    @Test
    void theOwnerSeesTheirHistoryThenDeletesTheAccountWithTheirPassword(Browser browser) {
        VerifiedPeople.Verified person = people.aVerifiedPerson(PASSWORD);
        browser.open("/sign-in", "history-sign-in");
        type(browser, "email", person.email());
        type(browser, "password", PASSWORD);
        browser.click(By.id("sign-in"), "history-second-factor");
        type(browser, "code", person.backupCodes().get(0));
        browser.click(By.id("continue"), "history-done");
        browser.click(By.id("account-link"), "history-account");

        List<WebElement> events = browser.driver().findElements(By.cssSelector("#history-events tr.history-event"));
        assertThat(events.get(0).findElement(By.className("history-what")).getText()).isEqualTo("Signed in");
        assertThat(events.get(0).findElement(By.className("history-browser")).getText()).isEqualTo("Chrome on Linux");
        assertThat(events).extracting(WebElement::getText).anyMatch(line -> line.contains(
                "Verified the identity with a state ID")); // by the services, in no browser's request
        assertThat(browser.find(By.id("history-agencies")).getDomAttribute("href")).isEqualTo("/account/agencies");
        assertThat(browser.find(By.id("history-agencies")).getText()).isEqualTo("Agencies you share with");

        browser.open("/account?lang=fr", "history-account-fr");
        WebElement newest = browser.find(By.cssSelector("#history-events tr.history-event"));
        assertThat(newest.findElement(By.className("history-what")).getText()).isEqualTo("Connexion");
        assertThat(newest.findElement(By.className("history-browser")).getText()).isEqualTo("Chrome sur Linux");
        browser.open("/account?lang=en", "history-account-en");

        type(browser, "deletePassword", "not my password");
        browser.click(By.id("delete-account"), "history-delete-wrong");
        assertThat(browser.find(By.id("deletePassword-error")).getText())
                .isEqualTo("That password is not right. Nothing was deleted.");
        assertThat(browser.find(By.id("delete-attempts")).getText()).contains("more tries");
        assertThat(accounts.email(person.account())).contains(person.email());

        type(browser, "deletePassword", PASSWORD);
        browser.click(By.id("delete-account"), "history-deleted");
        assertThat(browser.heading()).isEqualTo("Your account is deleted");
        assertThat(accounts.email(person.account())).isEmpty();
        browser.open("/account", "history-after-deletion");
        assertThat(browser.driver().getCurrentUrl()).as("signed out").endsWith("/sign-in");
        assertThat(accounts.signIn(person.email(), PASSWORD, "203.0.113.9")).isInstanceOf(SignInResult.Rejected.class);
    }
}
