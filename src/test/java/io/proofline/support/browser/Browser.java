package io.proofline.support.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver: nothing is downloaded (Selenium
 * Manager is never asked, because both paths are given). Every page the browser arrives at through
 * {@link #open} or {@link #click} is photographed to {@code target/screenshots/<test>-<step>.png}, then
 * checked: no serious or critical axe-core violation, no resource that failed to load, no
 * Content-Security-Policy violation.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target/screenshots");

    /** The machine has no network but the package registries: these flags keep Chromium from trying. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    /** A screenshot takes well under a second; one that takes this long is waiting for a frame never drawn. */
    private static final Duration SCREENSHOT_PATIENCE = Duration.ofSeconds(15);

    private static final List<String> HEADLESS_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,900",
            // A headless window counts as hidden; without these Chromium may stop drawing it, and a screenshot
            // then waits for a frame that never comes.
            "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
            "--disable-background-timer-throttling");

    /** Recorded before any page script runs, so a blocked script or style shows up as a test failure. */
    private static final String RECORD_CSP_VIOLATIONS = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation',
              e => window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));
            """;

    private static final String PAGE_PROBLEMS = """
            const failed = performance.getEntriesByType('resource')
              .filter(e => e.responseStatus >= 400).map(e => 'HTTP ' + e.responseStatus + ' ' + e.name);
            const broken = Array.from(document.images)
              .filter(i => i.complete && i.naturalWidth === 0).map(i => 'broken image ' + i.src);
            return failed.concat(broken, window.__cspViolations || []);
            """;

    /**
     * Selenium warns at every start that it has no DevTools bindings for this Chromium version. We use
     * none (CDP commands go through chromedriver), so the warning is noise. Kept in a field: JUL holds
     * loggers weakly.
     */
    private static final Logger DEVTOOLS_LOG = quiet("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final Logger CHROMIUM_DRIVER_LOG = quiet("org.openqa.selenium.chromium.ChromiumDriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final Axe axe = new Axe();
    private DevToolsConnection devTools;
    private String baseUrl;
    private String testName = "browser";
    private boolean javaScriptDisabled;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser for pages of its own (the BPMN diagrams' rendering), with no service to visit: close it after use. */
    public static Browser withoutService() {
        return launch(null);
    }

    /** @param card a PIV/CAC card in the browser's certificate store, or null for none */
    static Browser launch(CardInReader card) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's Chromium and chromedriver at " + CHROMIUM
                    + " and " + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver (as .ci/run does)");
        }
        try {
            Path profile = Files.createTempDirectory("proofline-chromium-");
            // Chromium on Linux keeps client certificates in $HOME/.pki/nssdb: each browser gets a home of its own.
            Path home = Files.createDirectories(profile.resolve("home"));
            if (card != null) {
                card.insertInto(home);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(HEADLESS_FLAGS);
            options.addArguments("--user-data-dir=" + profile, "--lang=en-US");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withEnvironment(Map.of("HOME", home.toString()))
                    .build();
            // A command chromedriver cannot finish fails the test after a minute instead of holding the run.
            ChromeDriver driver = new ChromeDriver(service, options,
                    ClientConfig.defaultConfig().readTimeout(COMMAND_TIMEOUT));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_CSP_VIOLATIONS));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each test starts as a new visitor: no cookies, desktop size, JavaScript on. */
    void startTest(String baseUrl, String testName) {
        this.baseUrl = baseUrl;
        this.testName = testName;
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        asDesktop();
        setJavaScriptDisabled(false);
    }

    /**
     * Goes to a path of the service (e.g. {@code /} or {@code /missing?lang=fr}), or to an absolute address
     * (the card-reader port's), then checks the page.
     */
    public Browser open(String path, String step) {
        driver.get(path.startsWith("https://") ? path : baseUrl + path);
        return arrived(step);
    }

    /** Clicks what a person would click, then checks the page it leads to. */
    public Browser click(By element, String step) {
        driver.findElement(element).click();
        return arrived(step);
    }

    /** Clicks the link with exactly this visible text. */
    public Browser clickLink(String text, String step) {
        return click(By.linkText(text), step);
    }

    /**
     * Only photographs the page: for pages that are not ours (Camunda's Cockpit), whose accessibility and policy
     * are Camunda's to keep.
     */
    public Browser photograph(String step) {
        screenshot(step);
        return this;
    }

    /** Photographs and checks the page as it is now, after one of its scripts changed it without a navigation. */
    public Browser check(String step) {
        return arrived(step);
    }

    /**
     * Until closed, the browser stops every request whose address matches {@code urlPattern} (CDP wildcards),
     * as a person pressing Stop would, so a navigation there leaves the page as it is. For a page that reloads
     * itself at once (the wizard's "we are checking"), which could not otherwise be photographed or checked
     * while it shows: a screenshot waits on the pending navigation.
     */
    public StoppedRequests stopping(String urlPattern) {
        return StoppedRequests.matching(driver, urlPattern);
    }

    /** A phone: 390 x 844 CSS pixels, the page's viewport meta honoured. Applies to the next pages. */
    public Browser asPhone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        return this;
    }

    public Browser asDesktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        return this;
    }

    /** Pages opened from now on run none of their scripts, as with JavaScript turned off. */
    public Browser withoutJavaScript() {
        // A fresh document first: one left by a page that ran scripts (a checking page that polled) kept a later
        // page's <noscript> refresh from being issued.
        driver.get("about:blank");
        setJavaScriptDisabled(true);
        return this;
    }

    /**
     * A security key in this tab, as Chromium's DevTools WebAuthn domain makes one: CTAP2 over USB, holding resident
     * (discoverable) credentials, with user verification that always succeeds and presence that is always given.
     * It answers the pages' {@code navigator.credentials} calls until {@link #removeSecurityKey}. Its id.
     */
    public String addSecurityKey() {
        driver.executeCdpCommand("WebAuthn.enable", Map.of("enableUI", false));
        Map<String, Object> added = driver.executeCdpCommand("WebAuthn.addVirtualAuthenticator", Map.of("options",
                Map.of("protocol", "ctap2", "transport", "usb", "hasResidentKey", true, "hasUserVerification", true,
                        "isUserVerified", true, "automaticPresenceSimulation", true)));
        return (String) added.get("authenticatorId");
    }

    /** The credentials the key holds: each a map with DevTools' fields ({@code rpId}, {@code userHandle}, ...). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> credentialsOn(String securityKey) {
        return (List<Map<String, Object>>) driver.executeCdpCommand("WebAuthn.getCredentials",
                Map.of("authenticatorId", securityKey)).get("credentials");
    }

    public void removeSecurityKey(String securityKey) {
        driver.executeCdpCommand("WebAuthn.removeVirtualAuthenticator", Map.of("authenticatorId", securityKey));
    }

    /** The full address of a path of the service (the wizard's port). */
    public String address(String path) {
        return baseUrl + path;
    }

    public WebDriver driver() {
        return driver;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The {@code lang} of the page's {@code <html>}. */
    public String language() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    /** The HTTP status of the page shown. */
    public long status() {
        return withScripts(() -> (Long) driver.executeScript(
                "return performance.getEntriesByType('navigation')[0].responseStatus;"));
    }

    /** Whether the page is wider than the screen (a phone user would have to scroll sideways). */
    public boolean scrollsSideways() {
        return withScripts(() -> (Boolean) driver.executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth;"));
    }

    public Path screenshotOf(String step) {
        return SCREENSHOTS.resolve(fileName(step));
    }

    private Browser arrived(String step) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                d -> withScripts(() -> "complete".equals(driver.executeScript("return document.readyState;"))));
        screenshot(step);
        List<String> problems = new ArrayList<>();
        withScripts(() -> {
            @SuppressWarnings("unchecked")
            List<String> pageProblems = (List<String>) driver.executeScript(PAGE_PROBLEMS);
            problems.addAll(pageProblems);
            axe.run(driver).forEach(violation -> {
                if (violation.fails()) {
                    problems.add("axe " + violation);
                } else {
                    System.out.println(testName + "-" + step + ": axe " + violation);
                }
            });
            return null;
        });
        if (!problems.isEmpty()) {
            throw new AssertionError("The page at step '" + step + "' (" + driver.getCurrentUrl() + ", screenshot "
                    + screenshotOf(step) + ") has problems:\n  " + String.join("\n  ", problems));
        }
        return this;
    }

    /**
     * The whole page, not only the visible part, so a reviewer sees everything a person could scroll to. Taken
     * on our own DevTools connection: now and then headless Chromium draws no frame for a capture to copy, and
     * the capture then never answers; through chromedriver that held the session and hung a whole run. Here it
     * is given up after a while and said in the output (the page's checks still run).
     */
    private void screenshot(String step) {
        for (int attempt = 1; ; attempt++) {
            try {
                capture(step);
                return;
            } catch (TimeoutException noFrame) {
                System.out.println(testName + "-" + step + ": no screenshot, Chromium drew no frame within "
                        + SCREENSHOT_PATIENCE.toSeconds() + " s");
                dropDevTools(); // a new connection for the next page; the pending capture goes with this one
                return;
            } catch (IllegalStateException detached) {
                // The page our connection was attached to went away under it (a navigation swapped it): once more
                // on a new connection, then without a screenshot (the page's checks still run).
                dropDevTools();
                if (attempt == 2) {
                    System.out.println(testName + "-" + step + ": no screenshot, " + detached.getMessage());
                    return;
                }
            }
        }
    }

    private void capture(String step) throws TimeoutException {
        try {
            JsonNode size = devTools().call("Page.getLayoutMetrics", Map.of(), SCREENSHOT_PATIENCE).path("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                    "width", size.path("width").asDouble(), "height", size.path("height").asDouble());
            String png = devTools().call("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip), SCREENSHOT_PATIENCE)
                    .path("data").asText();
            Files.createDirectories(SCREENSHOTS);
            Files.write(screenshotOf(step), Base64.getDecoder().decode(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void dropDevTools() {
        if (devTools != null) {
            devTools.close();
            devTools = null;
        }
    }

    private DevToolsConnection devTools() {
        if (devTools == null) {
            devTools = DevToolsConnection.to(driver, event -> {
                // screenshots need no events
            });
        }
        return devTools;
    }

    private String fileName(String step) {
        return (testName + "-" + step).replaceAll("[^A-Za-z0-9._-]", "-") + ".png";
    }

    /** Our checks run as DevTools scripts even on a page loaded without JavaScript; its own scripts stay unrun. */
    private <T> T withScripts(Supplier<T> check) {
        if (!javaScriptDisabled) {
            return check.get();
        }
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        try {
            return check.get();
        } finally {
            driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private void setJavaScriptDisabled(boolean disabled) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", disabled));
        this.javaScriptDisabled = disabled;
    }

    @Override
    public void close() {
        try {
            if (devTools != null) {
                devTools.close();
            }
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
