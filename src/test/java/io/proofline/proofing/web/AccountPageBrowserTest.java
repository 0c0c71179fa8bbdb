package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.type;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.proofline.accounts.Profiles;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;

/**
 * The account page as its owner uses it: their ways to sign in (the last one kept), a new password under which the
 * verified identity stays readable, and the identity itself shown after the password, the SSN masked.
 */
@BrowserTest
@Import(VerifiedPeople.class)
class AccountPageBrowserTest extends PostgresIntegrationTest {

    static final String PASSWORD = "my account password";
    static final String NEW_PASSWORD = "my account's new password";

    @Autowired VerifiedPeople people;
    @Autowired Profiles profiles;

    @Test
    void theOwnerManagesTheirMethodsChangesThePasswordAndSeesTheirIdentity(Browser browser) {
        VerifiedPeople.Verified person = people.aVerifiedPerson(PASSWORD);
        browser.open("/sign-in", "sign-in");
        type(browser, "email", person.email());
        type(browser, "password", PASSWORD);
        browser.click(By.id("sign-in"), "second-factor");
        type(browser, "code", person.backupCodes().get(0));
        browser.click(By.id("continue"), "done");
        browser.click(By.id("account-link"), "account");

        assertThat(browser.heading()).isEqualTo("Your account");
        assertThat(browser.find(By.id("account-email")).getText()).isEqualTo(person.email());
        assertThat(browser.find(By.id("methods")).findElement(By.xpath("following-sibling::ul")).getText())
                .contains("Backup codes", "9 backup codes left");
        browser.click(By.cssSelector("button.remove"), "account-remove-last");
        assertThat(browser.find(By.id("error-summary")).getText()).contains("This is your only way to sign in");

        browser.click(By.id("add-method"), "account-add-method");
        browser.find(By.cssSelector("label[for=kind-BACKUP_CODES]")).click();
        browser.click(By.id("continue"), "account-more-backup-codes");
        browser.click(By.id("continue"), "account-two-methods");
        assertThat(browser.driver().findElements(By.cssSelector("button.remove"))).hasSize(2);
        type(browser, "name-" + browser.find(By.cssSelector("form input[name=name]")).getDomAttribute("id")
                .substring("name-".length()), "Printed in the drawer");
        browser.click(By.cssSelector("button.rename"), "account-renamed");
        assertThat(browser.find(By.id("account-changed")).getText()).contains("saved");
        assertThat(browser.driver().getPageSource()).contains("Printed in the drawer");
        browser.click(By.cssSelector("button.remove"), "account-removed");
        assertThat(browser.driver().findElements(By.cssSelector("button.remove"))).hasSize(1);

        type(browser, "currentPassword", "not my password");
        type(browser, "newPassword", NEW_PASSWORD);
        browser.click(By.id("change-password"), "account-password-wrong");
        assertThat(browser.find(By.id("currentPassword-error")).getText()).contains("That password is not right");
        type(browser, "currentPassword", PASSWORD);
        type(browser, "newPassword", NEW_PASSWORD);
        browser.click(By.id("change-password"), "account-password-changed");
        assertThat(browser.find(By.id("account-changed")).getText()).contains("Your password is changed");

        assertThat(browser.find(By.id("verified-at")).getText()).contains("with a state ID");
        type(browser, "password", NEW_PASSWORD);
        browser.click(By.id("show-identity"), "account-identity");
        assertThat(browser.find(By.id("identity")).getText()).contains("Oriel Fenwick-Tarr", "9 Birch Ln, Helena, MT 59601");
        String ssn = person.pii().ssn();
        assertThat(browser.find(By.id("masked-ssn")).getText()).isEqualTo("***-**-" + ssn.substring(ssn.length() - 4));
        assertThat(browser.find(By.id("full-ssn")).isDisplayed()).as("behind its reveal").isFalse();
        assertThat(profiles.decrypt(person.account(), NEW_PASSWORD)).isEqualTo(person.pii());
    }
}
