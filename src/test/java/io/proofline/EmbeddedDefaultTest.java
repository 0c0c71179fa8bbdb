package io.proofline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.Profiles;
import io.proofline.accounts.SignInResult;
import io.proofline.pivcac.CardReaderPort;
import io.proofline.proofing.Journey;
import io.proofline.proofing.Journeys;
import io.proofline.system.ManagementPort;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;
import io.proofline.vendors.VendorEndpoints;

/** The embedded default, as the README's run command starts it: nothing external needed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "proofline.vendor-stubs.port=0", "proofline.data-dir=" + EmbeddedDefaultTest.DATA_DIR})
class EmbeddedDefaultTest {

    static final String DATA_DIR = "./target/embedded-default-test";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ManagementPort managementPort;

    /** Actuator and Cockpit are served on the management port only. */
    private TestRestTemplate management() {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(managementPort.localUrl()));
    }

    @Value("${proofline.operator.username}")
    String operator;

    @Value("${proofline.operator.password}")
    String operatorPassword;

    @Autowired
    VendorEndpoints vendors;

    @Autowired
    Journeys journeys;

    @Autowired
    Accounts accounts;

    @Autowired
    Profiles profiles;

    @Autowired
    PiiVault vault;

    @Test
    @SuppressWarnings("unchecked")
    void healthIsUpOnH2WithoutRedis() {
        Map<String, Object> health = management().withBasicAuth(operator, operatorPassword).getForObject("/actuator/health", Map.class);

        assertThat(health).containsEntry("status", "UP");
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        assertThat(components).containsKeys("processEngine", "db").doesNotContainKey("redis");
        assertThat(components.get("db").toString()).contains("H2");
    }

    /** A security review's probe: behind a TLS proxy the session cookie lost Secure and HSTS was never sent. */
    @Test
    void behindATrustedTlsProxyTheSessionCookieIsSecureAndHstsIsSent() {
        HttpHeaders forwarded = new HttpHeaders();
        forwarded.set("X-Forwarded-Proto", "https"); // from 127.0.0.1, a trusted proxy by default
        forwarded.set("X-Forwarded-For", "203.0.113.7");
        ResponseEntity<String> viaProxy = http.exchange("/sign-in", HttpMethod.GET, new HttpEntity<>(forwarded),
                String.class);
        ResponseEntity<String> direct = http.getForEntity("/sign-in", String.class);

        assertThat(viaProxy.getHeaders().get("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("proofline-session=").contains("; Secure", "; HttpOnly", "; SameSite=Lax"));
        assertThat(viaProxy.getHeaders().getFirst("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(direct.getHeaders().get("Set-Cookie")).as("plain HTTP on this machine (the embedded default)")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("proofline-session=").doesNotContain("Secure"));
        assertThat(direct.getHeaders().getFirst("Strict-Transport-Security")).isNull();
    }

    @Autowired
    CardReaderPort cardReader;

    @Test
    void theCardReaderPortListensWithTheDevelopmentIdentityForLocalhost() throws Exception {
        assertThat(cardReader.isOpen()).isTrue();
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (var in = Files.newInputStream(Path.of(DATA_DIR, "pivcac-dev/dev-server.pem"))) {
            trusted.setCertificateEntry("card-reader",
                    CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory
                .getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);

        HttpResponse<String> page = HttpClient.newBuilder().sslContext(tls).build().send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + cardReader.localPort() + "/pivcac/present")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("This link has expired");
    }

    @Test
    void cockpitServesItsLoginPage() throws Exception {
        // Not following redirects: a redirect to the admin setup page would let anyone create an administrator.
        HttpResponse<String> cockpit = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(managementPort.localUrl() + "/camunda/app/cockpit/default/")).build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(cockpit.statusCode()).as(cockpit.headers().toString()).isEqualTo(200);
        assertThat(cockpit.body()).contains("<title>Camunda Cockpit</title>");
    }

    @Test
    void theOperatorPasswordWasGeneratedIntoTheDataFolder() throws IOException {
        assertThat(Files.readString(Path.of(DATA_DIR, "operator-password")).trim()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void theKeysWereGeneratedIntoTheDataFolderReadableByTheOwnerOnly() throws IOException {
        for (String secret : List.of("attribute-key", "session-key", "fingerprint-key", "kms-local-key")) {
            Path file = Path.of(DATA_DIR, "secrets", secret);
            assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).as(secret).hasSize(32);
            assertThat(Files.getPosixFilePermissions(file)).as(secret).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aProfileIsEncryptedAndReadBackOnH2WithTheInMemoryVaultAndTheLocalKms() {
        String email = "embedded." + UUID.randomUUID() + "@example.org";
        AccountId account = accounts.signUp(email, "correct horse battery staple");
        Journey journey = journeys.startOrResume(account);
        ProofingPii pii = new ProofingPii("Ada", "Lovelace", LocalDate.of(1815, 12, 10), "12 St James's Sq", "London",
                "DC", "20001", String.format("9%08d", ThreadLocalRandom.current().nextInt(100_000_000)), null); // the H2 file outlives runs
        vault.merge(journey.id(), pii);

        profiles.encryptProfile(account, journey.id(), "correct horse battery staple");

        assertThat(vault.find(journey.id())).isEmpty();
        assertThat(accounts.signIn(email, "correct horse battery staple", "203.0.113.7")).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(profiles.decrypt(account, "correct horse battery staple")).isEqualTo(pii);
    }

    @Test
    void vendorStubsAreServedInProcess() {
        String status = RestClient.create(vendors.baseUrl()).get().uri("/__status").retrieve().body(String.class);

        assertThat(status).contains("\"status\"").contains("UP");
    }

    @Autowired
    ProcessEngine processEngine;

    @Test
    void historyIsCleanedUpInTheNightlyWindowAndEveryProcessHasATimeToLive() {
        var configuration = (ProcessEngineConfigurationImpl)
                processEngine.getProcessEngineConfiguration();

        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().list())
                .isNotEmpty().allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isPositive());
        assertThat(processEngine.getHistoryService().findHistoryCleanupJobs()).isNotEmpty();
    }

    @Test
    void aJourneyStartsOnTheEmbeddedDatabase() {
        Journey journey = journeys.startOrResume(new AccountId(UUID.randomUUID()));

        assertThat(journey.processInstanceId()).isNotBlank();
    }

    /** A review found the H2 file world-readable (0644). */
    @Test
    void theDatabasesFilesAndFoldersAreTheOwnersAlone() throws Exception {
        Path dataDir = Path.of(DATA_DIR);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("db"))))
                .isEqualTo("rwx------");
        try (var files = Files.list(dataDir.resolve("db"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).isNotEmpty().allSatisfy(file -> assertThat(
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------"));
        }
    }
}
