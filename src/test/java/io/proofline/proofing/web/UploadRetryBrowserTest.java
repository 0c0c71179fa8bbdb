package io.proofline.proofing.web;

import static io.proofline.proofing.web.AsAPerson.email;
import static io.proofline.proofing.web.AsAPerson.image;
import static io.proofline.proofing.web.AsAPerson.signUp;
import static io.proofline.proofing.web.AsAPerson.submit;
import static io.proofline.proofing.web.AsAPerson.throughToTheUpload;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.browser.Browser;
import io.proofline.support.browser.BrowserTest;

/** One refused photo: the page comes back by a redirect (a reload re-posts nothing) and keeps the accepted photos. */
@BrowserTest
class UploadRetryBrowserTest extends PostgresIntegrationTest {

    @Test
    void afterOneRefusedPhotoTheOthersAreKeptAndOnlyThatOneIsChosenAgain(Browser browser) throws Exception {
        browser.open("/sign-up", "sign-up");
        signUp(browser, email(), "consent");
        throughToTheUpload(browser);

        browser.find(By.id("front")).sendKeys(image("front", "png", "").toString());
        browser.find(By.id("back")).sendKeys(image("back", "jpg", "").toString());
        browser.find(By.id("selfie")).sendKeys(Files.writeString(AsAPerson.IMAGES.resolve("selfie.txt"), "not a photo")
                .toAbsolutePath().toString());
        browser.click(By.id("continue"), "selfie-refused");

        assertThat(browser.driver().getCurrentUrl()).as("redirected after the POST").contains("/verify?")
                .doesNotContain("/verify/UploadDocuments");
        assertThat(browser.find(By.id("selfie-error")).getText()).contains("JPEG or PNG");
        assertThat(browser.find(By.id("front-kept")).getText()).contains("We have this photo");
        assertThat(browser.find(By.id("back-kept")).getText()).contains("We have this photo");
        assertThat(browser.driver().findElements(By.id("selfie-kept"))).isEmpty();

        browser.driver().navigate().refresh();
        browser.check("reloaded");
        assertThat(browser.find(By.id("front-kept")).getText()).as("a reload posts nothing again").contains("We have this photo");

        browser.find(By.id("selfie")).sendKeys(image("selfie", "jpg", "").toString());
        submit(browser, "ssn");
        assertThat(browser.heading()).isEqualTo("Enter your Social Security number");
    }
}
