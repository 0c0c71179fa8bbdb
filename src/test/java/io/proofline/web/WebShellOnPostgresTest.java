package io.proofline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.proofline.support.PostgresIntegrationTest;

/**
 * The shell over HTTP, as a browser or an API client sees it: USWDS served from the jar, the security
 * headers, how the language is chosen and remembered, and Camunda's webapps and actuator untouched.
 */
class WebShellOnPostgresTest extends PostgresIntegrationTest {

    private static final String HTML = "text/html,application/xhtml+xml";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesCarryTheSecurityHeadersAndAreNeverCached() throws Exception {
        HttpResponse<String> welcome = get("/", "Accept", HTML);

        assertThat(welcome.statusCode()).isEqualTo(200);
        assertThat(header(welcome, "Content-Security-Policy")).isEqualTo(WebSecurity.CONTENT_SECURITY_POLICY);
        assertThat(header(welcome, "Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(header(welcome, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(header(welcome, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(welcome, "Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(header(welcome, "Permissions-Policy")).contains("geolocation=()");
        assertThat(header(welcome, "Cache-Control")).isEqualTo("no-store");
        assertThat(welcome.body()).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />");
    }

    @Test
    void theErrorPagesCarryTheSecurityHeadersToo() throws Exception {
        HttpResponse<String> missing = get("/no-such-page", "Accept", HTML);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(header(missing, "Content-Security-Policy")).isEqualTo(WebSecurity.CONTENT_SECURITY_POLICY);
        assertThat(missing.body()).contains("<h1>Page not found</h1>");
    }

    @Test
    void uswdsIsServedFromTheJarAndMayBeCached() throws Exception {
        for (String asset : List.of("/uswds/css/uswds.min.css", "/uswds/js/uswds.min.js",
                "/uswds/js/uswds-init.min.js", "/uswds/img/us_flag_small.png",
                "/uswds/fonts/source-sans-pro/sourcesanspro-regular-webfont.woff2")) {
            HttpResponse<String> response = get(asset);

            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).as(asset).isEmpty();
        }
        assertThat(header(get("/uswds/css/uswds.min.css"), "Content-Type")).startsWith("text/css");
    }

    @Test
    void theLanguageSwitchSetsOneCookieAndOnlyForEnglishOrFrench() throws Exception {
        HttpResponse<String> french = get("/?lang=fr", "Accept", HTML);

        assertThat(french.body()).contains("<html lang=\"fr\">", "<h1>Vérifier votre identité</h1>");
        assertThat(languageCookies(french)).singleElement().asString()
                .startsWith(LanguageCookieLocaleResolver.COOKIE_NAME + "=fr;").contains("HttpOnly", "SameSite=Lax");
        assertThat(header(french, "Content-Language")).isEqualTo("fr");

        HttpResponse<String> frenchError = get("/no-such-page?lang=fr", "Accept", HTML);
        assertThat(frenchError.body()).contains("<h1>Page introuvable</h1>");
        assertThat(languageCookies(frenchError)).hasSize(1);

        HttpResponse<String> german = get("/?lang=de", "Accept", HTML);
        assertThat(german.body()).contains("<html lang=\"en\">");
        assertThat(languageCookies(german)).isEmpty();
    }

    /** The page may also set the session cookie; only the language cookie is counted here. */
    private static java.util.List<String> languageCookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(LanguageCookieLocaleResolver.COOKIE_NAME + "=")).toList();
    }

    @Test
    void theCookieWinsOverTheBrowserLanguageWhichWinsOverEnglish() throws Exception {
        String cookie = LanguageCookieLocaleResolver.COOKIE_NAME;

        assertThat(get("/", "Accept", HTML).body()).contains("<html lang=\"en\">");
        assertThat(get("/", "Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5").body()).contains("<html lang=\"fr\">");
        assertThat(get("/", "Accept-Language", "de-DE,fr;q=0.5").body()).contains("<html lang=\"fr\">");
        assertThat(get("/", "Accept-Language", "fr", "Cookie", cookie + "=en").body()).contains("<html lang=\"en\">");
        assertThat(get("/", "Cookie", cookie + "=fr").body()).contains("<html lang=\"fr\">");
        assertThat(get("/", "Cookie", cookie + "=de").body()).contains("<html lang=\"en\">");
    }

    @Test
    void apiClientsStillGetJsonErrors() throws Exception {
        HttpResponse<String> missing = get("/no-such-endpoint", "Accept", "application/json");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(header(missing, "Content-Type")).startsWith("application/json");
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.proofline.system.ManagementPort managementPort;

    @Test
    void camundasWebappsKeepTheirOwnHeadersAndActuatorStillAnswersOnTheManagementPort() throws Exception {
        String management = managementPort.localUrl();
        // The test engines have generated names: ask the webapp which one to open.
        HttpResponse<String> engines = getFrom(management, "/camunda/api/engine/engine/");
        assertThat(engines.statusCode()).isEqualTo(200);
        Matcher engineName = Pattern.compile("\"name\":\"([^\"]+)\"").matcher(engines.body());
        assertThat(engineName.find()).as(engines.body()).isTrue();

        HttpResponse<String> cockpit = getFrom(management, "/camunda/app/cockpit/" + engineName.group(1) + "/");

        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.body()).contains("<title>Camunda Cockpit</title>");
        assertThat(header(cockpit, "Content-Security-Policy")).isNotEqualTo(WebSecurity.CONTENT_SECURITY_POLICY);
        assertThat(cockpit.headers().firstValue("X-Frame-Options")).isEmpty();

        HttpResponse<String> health = getFrom(management, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).as("the status, without details, to anyone on the management port")
                .isEqualTo("{\"status\":\"UP\"}");
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return getFrom("http://localhost:" + port, path, headers);
    }

    private HttpResponse<String> getFrom(String base, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }
}
