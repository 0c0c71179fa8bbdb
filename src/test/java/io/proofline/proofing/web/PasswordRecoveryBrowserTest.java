package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.followTheNewestEmailLink;
import static io.proofline.proofing.web.AsAPerson.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.IdentityVerifications;
import io.proofline.accounts.Profiles;
import io.proofline.accounts.SecondFactors;
import io.proofline.accounts.SignInResult;
import io.proofline.crypto.PersonalKey;
import io.proofline.journey.JourneyId;
import io.proofline.proofing.Journeys;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;

/**
 * A verified person forgets their password: the reset link by email, a new password, a sign-in with it (both steps),
 * then the personal key unlocks the profile under the new password with a new key; or, without the key, the profile
 * is deactivated and the person verifies again.
 */
@BrowserTest
@Import(VerifiedPeople.class)
class PasswordRecoveryBrowserTest extends PostgresIntegrationTest {

    static final String OLD_PASSWORD = "the password I forgot";
    static final String NEW_PASSWORD = "a brand new passphrase";

    @Autowired Accounts accounts;
    @Autowired Profiles profiles;
    @Autowired IdentityVerifications verifications;
    @Autowired VerifiedPeople people;
    @Autowired io.proofline.vendors.VendorStubServer stubs;

    private VerifiedPeople.Verified aVerifiedPerson() {
        return people.aVerifiedPerson(OLD_PASSWORD);
    }

    /** From the sign-in page: forgot, the link from the development inbox, a new password, both steps of sign-in. */
    private static void resetAndSignIn(Browser browser, VerifiedPeople.Verified person) {
        browser.open("/sign-in", "sign-in");
        browser.click(By.id("forgot-password"), "forgot-password");
        type(browser, "email", person.email());
        browser.click(By.id("send-link"), "forgot-password-email-sent");
        followTheNewestEmailLink(browser, "reset-password");
        assertThat(browser.heading()).isEqualTo("Choose a new password");
        type(browser, "password", NEW_PASSWORD);
        browser.click(By.id("set-password"), "signed-in-after-reset");
        assertThat(browser.find(By.id("password-reset")).getText()).contains("Your password is changed");
        type(browser, "email", person.email());
        type(browser, "password", NEW_PASSWORD);
        browser.click(By.id("sign-in"), "second-factor");
        type(browser, "code", person.backupCodes().get(0));
        browser.click(By.id("continue"), "recover");
        assertThat(browser.heading()).isEqualTo("Enter your personal key");
    }

    @Test
    void thePersonalKeyUnlocksTheProfileUnderTheNewPasswordWithANewKey(Browser browser) {
        VerifiedPeople.Verified person = aVerifiedPerson();
        resetAndSignIn(browser, person);

        type(browser, "personalKey", "0000-0000-0000-0000");
        type(browser, "password", NEW_PASSWORD);
        browser.click(By.id("continue"), "recover-wrong-key");
        assertThat(browser.find(By.id("personalKey-error")).getText()).contains("This personal key is not right");
        assertThat(browser.find(By.id("personalKey-attempts")).getText()).contains("4 more tries");

        type(browser, "personalKey", person.personalKey().formatted().toLowerCase());
        type(browser, "password", NEW_PASSWORD);
        browser.click(By.id("continue"), "new-personal-key");
        String newKey = browser.find(By.id("personal-key")).getText();
        assertThat(newKey).isNotEqualTo(person.personalKey().formatted());
        type(browser, "personalKey", newKey);
        AsAPerson.submit(browser, "done-after-recovery");

        assertThat(browser.find(By.id("verified")).getText()).contains("Your identity is verified");
        assertThat(profiles.decrypt(person.account(), NEW_PASSWORD)).as("readable under the new password").isEqualTo(person.pii());
        assertThat(io.proofline.support.SentEmails.to(stubs.server(), person.email()))
                .extracting(io.proofline.support.SentEmails.Sent::subject).as("the owner is told of each change")
                .contains("Reset your password", "Your password was changed", "You have a new personal key");
    }

    @Test
    void withoutThePersonalKeyTheProfileIsDeactivatedAndThePersonVerifiesAgain(Browser browser) {
        VerifiedPeople.Verified person = aVerifiedPerson();
        resetAndSignIn(browser, person);

        AsAPerson.submit(browser, "verify-again", By.id("without-key"));

        assertThat(browser.heading()).isEqualTo("Before you start");
        assertThat(profiles.status(person.account())).hasValueSatisfying(status -> assertThat(status.name())
                .isEqualTo("DEACTIVATED"));
        assertThat(verifications.verifiedAt(person.account())).as("no longer verified").isEmpty();
        assertThat(io.proofline.support.SentEmails.to(stubs.server(), person.email()))
                .extracting(io.proofline.support.SentEmails.Sent::subject)
                .contains("Your password was changed", "Your verified identity was deactivated");
        assertThat(profiles.isDuplicateSsn(accounts.signUp("other." + UUID.randomUUID() + "@example.org", OLD_PASSWORD),
                person.pii().ssn())).as("the SSN is let go: its owner can verify again").isFalse();
    }
}
