package io.proofline.proofing.web;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.proofline.support.LoopbackCookies;
import io.proofline.support.SentEmails;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.vendors.VendorStubServer;

/**
 * The wizard over HTTP, as browsers use it: several people at once sign up and walk the state ID + phone
 * path to done through the pages and forms (form tokens, cookies, multipart photos), on PostgreSQL, Redis and
 * the stubs. Times every request by the step it shows or handles: a {@code GET /verify} that arrives while a
 * check runs includes the server's wait for it (up to 1.5 s). Not part of {@code mvn verify}: run
 * {@code mvn -o test -Dtest=WizardBenchmark -Dexec.skip} ({@code -Dpeople=40 -Dconcurrency=4}); figures go to
 * {@code target/wizard-benchmark.txt}. The it profile's scrypt cost applies (see JourneyBenchmark).
 */
class WizardBenchmark extends PostgresIntegrationTest {

    static final int PEOPLE = Integer.getInteger("people", 40);
    static final int AT_ONCE = Integer.getInteger("concurrency", 4);
    static final String PASSWORD = "a long and honest passphrase";
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("<h1[^>]*>([^<]*)</h1>");
    private static final Pattern PERSONAL_KEY = Pattern.compile("id=\"personal-key\">([^<]+)<");

    @Autowired VendorStubServer stubs;
    @LocalServerPort int port;

    private final Map<String, List<Long>> timings = new ConcurrentHashMap<>();

    @Test
    void peopleWalkTheWizardFromSignUpToDone() throws Exception {
        run(AT_ONCE); // warm-up: JIT, template cache, connection pools
        timings.clear();
        long started = System.nanoTime();
        List<Long> journeys = run(PEOPLE);
        double seconds = (System.nanoTime() - started) / 1e9;

        StringBuilder report = new StringBuilder(String.format("""
                Wizard benchmark (state ID + phone over HTTP, sign-up to done), %d people, %d at once
                  throughput  %.2f journeys/s (%.1f s in all); per journey p50 %d ms, p95 %d ms
                  per request (ms)                       n    p50    p95    max
                """, PEOPLE, AT_ONCE, PEOPLE / seconds, seconds, percentile(journeys, 50), percentile(journeys, 95)));
        new TreeMap<>(timings).forEach((request, millis) -> report.append(String.format("  %-36s %4d %6d %6d %6d%n",
                request, millis.size(), percentile(millis, 50), percentile(millis, 95), percentile(millis, 100))));
        System.out.println(report);
        Files.writeString(Path.of("target/wizard-benchmark.txt"), report);
        assertThat(journeys).hasSize(PEOPLE);
    }

    private List<Long> run(int count) throws Exception {
        ExecutorService people = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                done.add(people.submit(() -> new Person().toDone()));
            }
            List<Long> millis = new ArrayList<>();
            for (Future<Long> journey : done) {
                millis.add(journey.get());
            }
            return millis;
        } finally {
            people.shutdownNow();
        }
    }

    /** One person's browser: its own cookies, the form token of the last page it saw. */
    private final class Person {
        final HttpClient browser = HttpClient.newBuilder().cookieHandler(new LoopbackCookies()).build();
        String page = "";

        long toDone() throws Exception {
            long started = System.nanoTime();
            String phone = "406555" + ThreadLocalRandom.current().nextInt(1000, 10000);
            String email = "bench." + UUID.randomUUID() + "@example.org";
            get("/sign-up", "sign-up");
            post("/sign-up", Map.of("email", email));
            get(SentEmails.newestTo(stubs.server(), email).linkPath(), "sign-up/confirm");
            post("/sign-up/confirm", Map.of("token", value("token"), "password", PASSWORD));
            get("/second-factor/new", "second-factor/new");
            post("/second-factor/new", Map.of("kind", "BACKUP_CODES"));
            step("ConsentToProofing", Map.of("consent", "on"));
            step("ChooseProofingPath", Map.of("proofingPath", "STATE_ID"));
            showCurrent("UploadDocuments");
            upload();
            step("EnterSsn", Map.of("ssn", "900-" + ThreadLocalRandom.current().nextInt(10, 100) + "-"
                    + ThreadLocalRandom.current().nextInt(1000, 10000)));
            showCurrent("ReviewDetails");
            post("/verify/ReviewDetails", Map.of("street", "12 Larkspur Way", "city", "Bozeman", "state", "MT",
                    "zip", "59715", "ssn", value("ssn")));
            step("ChooseAddressMethod", Map.of("addressMethod", "PHONE"));
            step("EnterPhone", Map.of("phone", phone));
            showCurrent("EnterOneTimeCode"); // the code is sent while the step is reached
            post("/verify/EnterOneTimeCode", Map.of("code", sentCode("+1" + phone)));
            step("ReEnterPassword", Map.of("password", PASSWORD));
            showCurrent("SavePersonalKey");
            Matcher key = PERSONAL_KEY.matcher(page);
            assertThat(key.find()).as("the personal key is shown").isTrue();
            post("/verify/SavePersonalKey", Map.of("personalKey", key.group(1)));
            step("ConsentToShare", Map.of("consent", "on"));
            showCurrent("done");
            assertThat(page).contains("id=\"verified\"");
            return (System.nanoTime() - started) / 1_000_000;
        }

        void step(String stepId, Map<String, String> fields) throws Exception {
            showCurrent(stepId);
            post("/verify/" + stepId, fields);
        }

        /** GET /verify until the step is shown (the checking page reloads itself while a check runs). */
        void showCurrent(String expected) throws Exception {
            for (int reload = 0; reload < 20; reload++) {
                get("/verify", "GET /verify -> " + expected);
                if (!page.contains("http-equiv=\"refresh\"")) {
                    break;
                }
            }
            assertThat(page).as("the page for " + expected + ", got " + heading())
                    .contains(expected.equals("done") ? "id=\"verified\"" : "/verify/" + expected + "\"");
        }

        void get(String path, String label) throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            record(label, start);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            page = response.body();
        }

        void post(String path, Map<String, String> fields) throws Exception {
            Map<String, String> form = new LinkedHashMap<>(fields);
            form.put("_csrf", formToken());
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            send(path, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        void upload() throws Exception {
            String boundary = "----proofline" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            part(body, boundary, "_csrf", null, formToken().getBytes(StandardCharsets.UTF_8));
            for (String photo : List.of("front", "back", "selfie")) {
                part(body, boundary, photo, photo + ".png", PHOTO);
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            send("/verify/UploadDocuments", HttpRequest.newBuilder(uri("/verify/UploadDocuments"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        }

        /** A handled form redirects to /verify; a page shown again has errors, which the benchmark does not expect. */
        void send(String path, HttpRequest request) throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
            record("POST " + path, start);
            assertThat(response.statusCode()).as("POST " + path + " (" + heading() + ")").isEqualTo(302);
        }

        String formToken() {
            Matcher token = FORM_TOKEN.matcher(page);
            assertThat(token.find()).as("a form token on " + heading()).isTrue();
            return token.group(1);
        }

        String value(String field) {
            Matcher value = Pattern.compile("id=\"" + field + "\"[^>]*value=\"([^\"]*)\"").matcher(page);
            assertThat(value.find()).as(field).isTrue();
            return value.group(1);
        }

        String heading() {
            Matcher heading = HEADING.matcher(page);
            return heading.find() ? heading.group(1) : "?";
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }

    private String sentCode(String to) throws Exception {
        ObjectMapper json = new ObjectMapper();
        var sent = stubs.server().findAll(postRequestedFor(urlEqualTo("/telephony/v1/messages")));
        for (int i = sent.size() - 1; i >= 0; i--) {
            var message = json.readTree(sent.get(i).getBodyAsString());
            if (to.equals(message.get("to").asText())) {
                return message.get("code").asText();
            }
        }
        throw new AssertionError("no one-time code sent to " + to);
    }

    private void record(String label, long startNanos) {
        timings.computeIfAbsent(label, k -> Collections.synchronizedList(new ArrayList<>()))
                .add((System.nanoTime() - startNanos) / 1_000_000);
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] content)
            throws Exception {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: image/png") + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static final byte[] PHOTO = photo();

    private static byte[] photo() {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", png);
            return png.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
