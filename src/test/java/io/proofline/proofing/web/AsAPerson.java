package io.proofline.proofing.web;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.proofline.support.browser.Browser;
import io.proofline.vendors.VendorStubServer;

/** What the wizard's browser tests do as a person would: type, submit, wait while the service checks. */
final class AsAPerson {

    static final String PASSWORD = "a long and honest passphrase";
    static final Path IMAGES = Path.of("target/wizard-images");

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
     * Submits the password (or a request for a new key), up to the personal key's page without reloading it: that
     * page shows the key once, and {@link #submit}'s wait opens the wizard again before it looks.
     */
    static void submitToThePersonalKey(Browser browser, String step) {
        submitToThePersonalKey(browser, step, By.id("continue"));
    }

    static void submitToThePersonalKey(Browser browser, String step, By button) {
        WebElement clicked = browser.find(button);
        clicked.click();
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        wait.until(ExpectedConditions.stalenessOf(clicked)); // the page it was on has gone
        wait.ignoring(WebDriverException.class)
                .until(driver -> !driver.findElements(By.id("personal-key")).isEmpty()
                        || !driver.findElements(By.id("personal-key-gone")).isEmpty());
        browser.check(step);
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

    /**
     * From the sign-up page: the email, its link read from the development inbox (as a person trying the embedded
     * default reads it), a password too short and then a good one, up to {@code next}. In either language.
     */
    static void signUp(Browser browser, String email, String next) {
        assertThat(browser.heading()).isIn("Create an account", "Créer un compte");
        type(browser, "email", email);
        browser.click(By.id("send-link"), "sign-up-email-sent");
        assertThat(browser.find(By.id("sent-to")).getText()).contains(email);
        followTheNewestEmailLink(browser, "sign-up-choose-password");
        type(browser, "password", "short");
        browser.click(By.id("set-password"), "sign-up-short-password");
        assertThat(browser.find(By.id("password-error")).isDisplayed()).isTrue();
        type(browser, "password", PASSWORD);
        browser.click(By.id("set-password"), "add-second-factor");
        BACKUP_CODES.put(email, new ArrayDeque<>(addBackupCodes(browser)));
        submit(browser, next, By.id("continue"));
    }

    /** The backup codes each account signed up here was shown, for the second step of its later sign-ins. */
    private static final Map<String, Deque<String>> BACKUP_CODES = new ConcurrentHashMap<>();

    /** From the sign-in page, both steps: the password, then one of the account's backup codes; up to {@code next}. */
    static void signIn(Browser browser, String email, String next) {
        type(browser, "email", email);
        type(browser, "password", PASSWORD);
        browser.click(By.id("sign-in"), "second-factor");
        type(browser, "code", BACKUP_CODES.get(email).poll());
        submit(browser, next, By.id("continue"));
    }

    /** From the sign-up page: the email, its link from the development inbox, the password, up to "Add a second way". */
    static void signUpToTheSecondMethod(Browser browser, String email) {
        browser.open("/sign-up", "sign-up");
        type(browser, "email", email);
        browser.click(By.id("send-link"), "sign-up-email-sent");
        followTheNewestEmailLink(browser, "sign-up-choose-password");
        type(browser, "password", PASSWORD);
        browser.click(By.id("set-password"), "add-second-factor");
    }

    /** On "Add a second way to sign in": backup codes, which the page then shows once; the codes shown. */
    static List<String> addBackupCodes(Browser browser) {
        browser.find(By.cssSelector("label[for=kind-BACKUP_CODES]")).click();
        browser.click(By.id("continue"), "backup-codes");
        return browser.driver().findElements(By.cssSelector("#backup-codes li")).stream().map(WebElement::getText)
                .toList();
    }

    /** Opens the development inbox and follows the link of the newest email there. */
    static void followTheNewestEmailLink(Browser browser, String step) {
        browser.open("/development/inbox", "development-inbox-email");
        browser.click(By.cssSelector("#inbox a.email-link"), step);
    }

    static void throughToTheUpload(Browser browser) {
        browser.find(By.cssSelector("label[for=consent]")).click();
        submit(browser, "path");
        browser.find(By.cssSelector("label[for=proofingPath-STATE_ID]")).click();
        submit(browser, "upload");
    }

    /** The state ID path from the consent page to the review of what was read and typed. */
    static void throughToTheReview(Browser browser, String ssn) {
        throughToTheUpload(browser);
        upload(browser, "");
        submit(browser, "ssn");
        type(browser, "ssn", ssn);
        submit(browser, "review");
    }

    /** The state ID path from the consent page to the choice of phone or letter, the ID's details kept. */
    static void throughToTheAddressMethod(Browser browser, String ssn) {
        throughToTheReview(browser, ssn);
        submit(browser, "address-method");
    }

    /** In person: the details after the first name, as on the ID to be shown at the Post Office. */
    static void typeInPersonDetails(Browser browser, String lastName, String ssn) {
        type(browser, "lastName", lastName);
        browser.find(By.id("dateOfBirth")).sendKeys("05061980");
        type(browser, "street", "12 Larkspur Way");
        type(browser, "city", "Bozeman");
        type(browser, "state", "MT");
        type(browser, "zip", "59715");
        type(browser, "ssn", ssn);
    }

    /** The state ID + phone path from the consent page to the one-time code's page, the code sent. */
    static void throughToTheOneTimeCode(Browser browser, String ssn, String phone) {
        throughToTheAddressMethod(browser, ssn);
        browser.find(By.cssSelector("label[for=addressMethod-PHONE]")).click();
        submit(browser, "phone");
        type(browser, "phone", phone);
        submit(browser, "one-time-code");
        assertThat(browser.heading()).isEqualTo("Enter the code we sent you");
    }

    /** The state ID + phone path from the consent page to "share your verified information". */
    static void throughToTheShare(Browser browser, VendorStubServer stubs, String ssn) throws IOException {
        throughToTheOneTimeCode(browser, ssn, "(406) 555-0134");
        type(browser, "code", lastSent(stubs, "/telephony/v1/messages", "code"));
        submit(browser, "password");
        throughThePasswordAndPersonalKey(browser, "share");
        assertThat(browser.heading()).isEqualTo("Nothing is shared yet");
    }

    /** The letter path from the consent page to "enter the code from your letter", the letter sent. */
    static void throughToTheLetterCode(Browser browser, String ssn) {
        throughToTheAddressMethod(browser, ssn);
        browser.find(By.cssSelector("label[for=addressMethod-LETTER]")).click();
        submit(browser, "letter-address");

        assertThat(browser.heading()).isEqualTo("Mail a letter to this address");
        assertThat(browser.find(By.id("letter-address")).getText()).contains("FAKEY MCFAKERSON", "1 FAKE RD");
        submit(browser, "password");
        throughThePasswordAndPersonalKey(browser, "letter-code");
        assertThat(browser.heading()).isEqualTo("Enter the code from your letter");
    }
    /** Re-enters the password, types the personal key back, and goes on to {@code next}. */
    static void throughThePasswordAndPersonalKey(Browser browser, String next) {
        type(browser, "password", PASSWORD);
        submitToThePersonalKey(browser, "personal-key");
        type(browser, "personalKey", browser.find(By.id("personal-key")).getText());
        submit(browser, next);
    }

    static void upload(Browser browser, String marker) {
        browser.find(By.id("front")).sendKeys(image("front", "png", marker).toString());
        browser.find(By.id("back")).sendKeys(image("back", "jpg", "").toString());
        browser.find(By.id("selfie")).sendKeys(image("selfie", "jpg", "").toString());
        // Chromium attaches a chosen file asynchronously: a click right after sendKeys could post an empty part
        // (refused as a missing photo, its message lost when the harness reloads /verify). Wait for all three.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> Stream.of("front", "back", "selfie")
                .allMatch(side -> !driver.findElement(By.id(side)).getDomProperty("value").isEmpty()));
    }
    /** A small real image; a stub trigger, when given, rides after the image data (vendor-stubs/README.md). */
    static Path image(String name, String format, String marker) {
        try {
            BufferedImage picture = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            picture.setRGB(3, 3, 0x336699);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(picture, format.equals("jpg") ? "jpeg" : "png", bytes);
            bytes.write(marker.getBytes(StandardCharsets.US_ASCII));
            Files.createDirectories(IMAGES);
            Path file = IMAGES.resolve(name + "-" + marker.replace(':', '-') + "." + format).toAbsolutePath();
            Files.write(file, bytes.toByteArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The newest code in the embedded default's development inbox, read as a person trying the service does: the
     * code page's link to the inbox, the code in its first row, back to the code page.
     */
    static String codeFromTheDevelopmentInbox(Browser browser, String step) {
        browser.click(By.cssSelector("#development-inbox-notice a"), step + "-inbox");
        assertThat(browser.heading()).isEqualTo("Development inbox");
        String code = browser.find(By.cssSelector("#inbox tbody tr:first-child td:last-child")).getText();
        browser.clickLink("Back to verifying your identity", step);
        return code;
    }

    static String email() {
        return "wizard." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
