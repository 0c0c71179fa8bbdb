package io.proofline.support;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * One person's browser in the wizard over plain HTTP: its cookies (LoopbackCookies: the postgres profile's session
 * cookie is Secure), the form token of the last page it saw, and where each request goes. {@code nodes} names the
 * base URL of every request in turn, so a test can send each page to another node.
 */
public final class WizardOverHttp {

    public static final String PASSWORD = "a long and honest passphrase";
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("<h1[^>]*>([^<]*)</h1>");
    private static final Pattern PERSONAL_KEY = Pattern.compile("id=\"personal-key\">([^<]+)<");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Supplier<String> nodes;
    private HttpResponse<String> last;

    public WizardOverHttp(Supplier<String> nodes) {
        this.nodes = nodes;
    }

    /** Every request to one base URL. */
    public static WizardOverHttp at(String base) {
        return new WizardOverHttp(() -> base);
    }

    /** Each request to the next base URL, round the list: every page from another node than the one before. */
    public static WizardOverHttp alternating(List<String> bases) {
        int[] next = {0};
        return new WizardOverHttp(() -> bases.get(next[0]++ % bases.size()));
    }

    public void sendTo(Supplier<String> nodes) {
        this.nodes = nodes;
    }

    public String page() {
        return last == null ? "" : last.body();
    }

    /** Where the last response redirects, if it does. */
    public String location() {
        return last.headers().firstValue("Location").orElse(null);
    }

    public int status() {
        return last.statusCode();
    }

    /** Backup codes each account was shown here, for the second step of its next sign-ins (any node). */
    private static final Map<String, java.util.Deque<String>> BACKUP_CODES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern BACKUP_CODE = Pattern.compile("<li>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</li>");

    /**
     * Both steps: the password, then a backup code; an account without a second method adds backup codes first, as
     * the page asks.
     */
    public void signIn(String email) throws IOException, InterruptedException {
        get("/sign-in");
        post("/sign-in", Map.of("email", email, "password", PASSWORD));
        assertThat(last.statusCode()).as("sign-in (" + heading() + ")").isEqualTo(302);
        String next = location();
        if (next.endsWith("/second-factor/new")) {
            get("/second-factor/new");
            post("/second-factor/new", Map.of("kind", "BACKUP_CODES"));
            BACKUP_CODES.put(email, new java.util.ArrayDeque<>(BACKUP_CODE.matcher(page()).results()
                    .map(found -> found.group(1)).toList()));
            assertThat(BACKUP_CODES.get(email)).as("backup codes shown").hasSize(10);
        } else if (next.endsWith("/sign-in/second-factor")) {
            get("/sign-in/second-factor");
            post("/sign-in/second-factor", Map.of("code", BACKUP_CODES.get(email).poll()));
            assertThat(last.statusCode()).as("the second step (" + heading() + ")").isEqualTo(302);
        }
    }

    /** Shows the step, posts its form, expects the form handled (a redirect back to the wizard). */
    public void step(String stepId, Map<String, String> fields) throws IOException, InterruptedException {
        showCurrent(stepId);
        post("/verify/" + stepId, fields);
        assertThat(last.statusCode()).as("POST /verify/" + stepId + " (" + heading() + ")").isEqualTo(302);
    }

    /** GET /verify until the step is shown (the checking page reloads itself while a check runs). */
    public void showCurrent(String stepId) throws IOException, InterruptedException {
        awaitPage(stepId.equals("done") ? "id=\"verified\"" : "/verify/" + stepId + "\"", Duration.ofSeconds(60));
    }

    /** GET /verify until its page holds the text: checks run on a job executor, the page waits for them. */
    public void awaitPage(String text, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            get("/verify");
            assertThat(last.statusCode()).as("GET /verify (" + heading() + ")").isEqualTo(200);
        } while (!page().contains(text) && page().contains("http-equiv=\"refresh\"") && System.nanoTime() < deadline);
        assertThat(page()).as("the page holding " + text + ", got " + heading()).contains(text);
    }

    public void get(String path) throws IOException, InterruptedException {
        last = browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        last = submit(path, formToken(), fields);
        return last;
    }

    /**
     * Posts a form with the given form token, leaving the page seen last as it was: for the same form sent many times
     * at once from this browser (a double click, a script).
     */
    public HttpResponse<String> submit(String path, String formToken, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", formToken);
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form whose fields may repeat (an OAuth consent's scopes), with the page's form token. */
    public HttpResponse<String> postFields(String path, List<Map.Entry<String, String>> fields)
            throws IOException, InterruptedException {
        List<Map.Entry<String, String>> form = new java.util.ArrayList<>(fields);
        form.add(Map.entry("_csrf", formToken()));
        String body = form.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        last = browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return last;
    }

    /** The ID photos, a stub trigger (vendor-stubs/README.md) in the front one when given. */
    public void upload(String frontMarker) throws IOException, InterruptedException {
        showCurrent("UploadDocuments");
        String boundary = "----proofline" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "_csrf", null, formToken().getBytes(StandardCharsets.UTF_8));
        for (String photo : List.of("front", "back", "selfie")) {
            part(body, boundary, photo, photo + ".png", photo.equals("front") ? photo(frontMarker) : photo(""));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        last = browser.send(HttpRequest.newBuilder(uri("/verify/UploadDocuments"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(last.statusCode()).as("the upload (" + heading() + ")").isEqualTo(302);
    }

    /** From consent to the choice of address method on the state ID path, the ID read without a trigger. */
    public void throughTheStateId(String ssn) throws IOException, InterruptedException {
        step("ConsentToProofing", Map.of("consent", "on"));
        step("ChooseProofingPath", Map.of("proofingPath", "STATE_ID"));
        upload("");
        step("EnterSsn", Map.of("ssn", ssn));
        showCurrent("ReviewDetails");
        post("/verify/ReviewDetails", Map.of("street", "12 Larkspur Way", "city", "Bozeman", "state", "MT",
                "zip", "59715", "ssn", value("ssn")));
        assertThat(last.statusCode()).as("the review (" + heading() + ")").isEqualTo(302);
        showCurrent("ChooseAddressMethod");
    }

    /** The password typed again, the personal key shown and typed back. */
    public void throughThePasswordAndPersonalKey() throws IOException, InterruptedException {
        step("ReEnterPassword", Map.of("password", PASSWORD));
        showCurrent("SavePersonalKey");
        Matcher key = PERSONAL_KEY.matcher(page());
        assertThat(key.find()).as("the personal key is shown").isTrue();
        post("/verify/SavePersonalKey", Map.of("personalKey", key.group(1)));
        assertThat(last.statusCode()).as("the personal key (" + heading() + ")").isEqualTo(302);
    }

    public String formToken() {
        Matcher token = FORM_TOKEN.matcher(page());
        assertThat(token.find()).as("a form token on " + heading()).isTrue();
        return token.group(1);
    }

    public String value(String field) {
        Matcher value = Pattern.compile("id=\"" + field + "\"[^>]*value=\"([^\"]*)\"").matcher(page());
        assertThat(value.find()).as(field).isTrue();
        return value.group(1);
    }

    public String heading() {
        Matcher heading = HEADING.matcher(page());
        return heading.find() ? heading.group(1).trim() : "?";
    }

    private URI uri(String path) {
        return URI.create(nodes.get() + path);
    }

    /** The last one-time code the telephony stub was asked to send to the number (E.164). */
    public static String sentCode(WireMockServer stubs, String to) throws IOException {
        var sent = stubs.findAll(postRequestedFor(urlEqualTo("/telephony/v1/messages")));
        for (int i = sent.size() - 1; i >= 0; i--) {
            JsonNode message = JSON.readTree(sent.get(i).getBodyAsString());
            if (to.equals(message.get("to").asText())) {
                return message.get("code").asText();
            }
        }
        throw new AssertionError("no one-time code sent to " + to);
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] content)
            throws IOException {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: image/png") + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** A small real PNG; a stub trigger rides after the image data. */
    private static byte[] photo(String marker) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", png);
            png.write(marker.getBytes(StandardCharsets.US_ASCII));
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
