package io.proofline.pivcac.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.SignInResult;
import io.proofline.journey.JourneyId;
import io.proofline.journey.JourneyStep;
import io.proofline.journey.ProcessIds.Outcome;
import io.proofline.pivcac.CardReaderPort;
import io.proofline.proofing.JourneyEngine;
import io.proofline.proofing.Journeys;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.SignInOverHttp;
import io.proofline.vault.IdentityEvidence;
import io.proofline.vault.PiiVault;

/**
 * The card-reader port over a real TLS handshake (the JDK's HTTP client presenting a client certificate):
 * a card's chain reaches the journey and completes the card step, a link works once, a handshake without a
 * certificate sends the person back to try again, and each port serves only its own pages.
 */
class CardReaderPortTest extends PostgresIntegrationTest {

    static final Path DEV_PKI = Path.of("target/it-data/pivcac-dev");

    @Autowired CardReaderPort port;
    @Autowired CardHandOffs handOffs;
    @Autowired Accounts accounts;
    @Autowired Journeys journeys;
    @Autowired JourneyEngine engine;
    @Autowired PiiVault vault;
    @LocalServerPort int wizardPort;

    @Test
    void theDevelopmentCardIsPresentedOnceAndTheJourneyMovesToThePersonalDetails() throws Exception {
        JourneyId journey = atTheCardStep();
        String link = link(journey);
        assertThat(link).startsWith("https://localhost:" + port.localPort() + "/pivcac/present?token=");

        HttpResponse<String> presented = get(withCard(developmentCard()), link);

        assertThat(presented.statusCode()).isEqualTo(302);
        assertThat(presented.headers().firstValue("Location")).hasValue("http://localhost:" + wizardPort + "/verify");
        assertThat(awaitTask(journey)).isEqualTo("EnterPersonalDetails");
        IdentityEvidence evidence = vault.find(journey).orElseThrow().evidence();
        assertThat(evidence.firstName()).as("the name read from the card").isEqualTo("Fakey");
        assertThat(evidence.certificateSubject()).as("the card certificate's subject, RFC 2253 with readable keywords")
                .isEqualTo("C=US,O=Proofline,OU=TEST ONLY,SURNAME=McFakerson,GIVENNAME=Fakey,CN=Fakey McFakerson");
        assertThat(evidence.certificateIssuer()).as("the card certificate's issuer, RFC 2253")
                .isEqualTo("C=US,O=Proofline,CN=Proofline DEVELOPMENT PIV CA - TEST ONLY");

        HttpResponse<String> again = get(withCard(developmentCard()), link);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("This link has expired", "http://localhost:" + wizardPort + "/verify")
                .as("the service's name leads back to the wizard's site").contains("href=\"http://localhost:" + wizardPort + "/\"");
    }

    @Test
    void aCardFromAnUnknownIssuerIsRefusedAndCountedAndTheCardStepComesBack() throws Exception {
        JourneyId journey = atTheCardStep();

        HttpResponse<String> presented = get(withCard(selfSignedCard()), link(journey));

        assertThat(presented.statusCode()).isEqualTo(302);
        assertThat(awaitTask(journey)).isEqualTo("ConnectCard");
        JourneyStep step = engine.currentStep(journey);
        assertThat(step.check()).isEqualTo(new JourneyStep.Check(Outcome.FAIL, List.of("UNTRUSTED_ISSUER")));
        assertThat(step.attemptsRemaining()).isEqualTo(3);
    }

    @Test
    void noCertificateInTheHandshakeSendsThePersonBackToTheCardStep() throws Exception {
        JourneyId journey = atTheCardStep();
        SSLContext noCard = SSLContext.getInstance("TLS");
        noCard.init(null, serverTrust(), null);

        HttpResponse<String> presented = get(noCard, link(journey));

        assertThat(presented.headers().firstValue("Location"))
                .hasValue("http://localhost:" + wizardPort + "/verify?card=none");
        assertThat(engine.currentStep(journey).activityId()).isEqualTo("ConnectCard");
    }

    @Test
    void aForgedOrExpiredLinkChangesNothing() throws Exception {
        JourneyId journey = atTheCardStep();
        String base = "https://localhost:" + port.localPort() + "/pivcac/present?token=";

        assertThat(get(withCard(developmentCard()), base + "forged").body()).contains("This link has expired")
                .doesNotContain("back-to-wizard");
        String first = link(journey);
        link(journey); // a newer link (the page shown again) retires the older one
        assertThat(get(withCard(developmentCard()), first).body()).contains("This link has expired");
        assertThat(engine.currentStep(journey).activityId()).isEqualTo("ConnectCard");
    }

    @Test
    void eachPortServesOnlyItsOwnPages() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        HttpResponse<String> cardPageOnWizardPort = plain.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + wizardPort + "/pivcac/present?token=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cardPageOnWizardPort.statusCode()).isEqualTo(404);

        SSLContext tls = withCard(developmentCard());
        assertThat(get(tls, "https://localhost:" + port.localPort() + "/sign-in").statusCode()).isEqualTo(404);
        assertThat(get(tls, "https://localhost:" + port.localPort() + "/actuator/health").statusCode()).isEqualTo(404);
        assertThat(get(tls, "https://localhost:" + port.localPort() + "/uswds/css/uswds.min.css").statusCode())
                .as("the card pages' styles").isEqualTo(200);
    }

    /** A security review's probe: the port check compared the raw URI, and these reached the card page. */
    @Test
    void noSpellingOfTheCardPageIsServedOnTheWizardPort() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        for (String spelling : List.of("/%70ivcac/present?token=x", "/pivcac;x/present?token=x",
                "/PIVCAC/present?token=x", "//pivcac/present?token=x", "/pivcac/./present?token=x")) {
            int status = plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + wizardPort + spelling))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            // 400: Spring Security's firewall refused the spelling; 404: the port check recognised the card page.
            assertThat(status).as(spelling).isIn(400, 404);
        }
    }

    /** A security review's probe: {@code Host: evil.example} produced a link to https://evil.example:8443. */
    @Test
    void theCardLinkAndItsWayBackComeFromConfigurationNotFromTheRequestsHostHeader() throws Exception {
        String email = "card." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        atTheCardStep(email);
        String session = new SignInOverHttp("http://localhost:" + wizardPort).signIn(email, PASSPHRASE);
        String page;
        try (Socket socket = new Socket("localhost", wizardPort)) {
            socket.getOutputStream().write(("GET /verify HTTP/1.1\r\nHost: evil.example\r\nCookie: " + session
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            page = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(page).contains("href=\"https://localhost:" + port.localPort() + "/pivcac/present?token=")
                .doesNotContain("evil.example");
    }

    // ---- a journey at the card step, and a browser-like client

    private static final String PASSPHRASE = "a long and honest passphrase";

    private JourneyId atTheCardStep() throws Exception {
        return atTheCardStep("card." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
    }

    private JourneyId atTheCardStep(String email) throws Exception {
        AccountId account = accounts.signUp(email, PASSPHRASE);
        JourneyId journey = journeys.startOrResume(account).id();
        awaitTask(journey);
        engine.completeStep(journey, "ConsentToProofing", Map.of());
        awaitTask(journey);
        engine.completeStep(journey, "ChooseProofingPath", Map.of("proofingPath", "PIV_CAC"));
        assertThat(awaitTask(journey)).isEqualTo("ConnectCard");
        return journey;
    }

    private String link(JourneyId journey) {
        return handOffs.link(journey).orElseThrow();
    }

    private String awaitTask(JourneyId journey) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JourneyStep step = engine.currentStep(journey);
        while (step.kind() != JourneyStep.Kind.TASK && System.nanoTime() < deadline) {
            Thread.sleep(50);
            step = engine.currentStep(journey);
        }
        assertThat(step.kind()).as("step " + step.activityId()).isEqualTo(JourneyStep.Kind.TASK);
        return step.activityId();
    }

    private static HttpResponse<String> get(SSLContext tls, String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).followRedirects(HttpClient.Redirect.NEVER).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static SSLContext withCard(KeyStore card) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(card, "proofline-dev".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), serverTrust(), null);
        return tls;
    }

    /** The development TLS identity of the card-reader port, and nothing else, is trusted. */
    private static javax.net.ssl.TrustManager[] serverTrust() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(DEV_PKI.resolve("dev-server.pem"))) {
            trusted.setCertificateEntry("card-reader", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        return trust.getTrustManagers();
    }

    private static KeyStore developmentCard() throws Exception {
        KeyStore card = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(DEV_PKI.resolve("dev-holder.p12"))) {
            card.load(in, "proofline-dev".toCharArray());
        }
        return card;
    }

    /** A card whose certificate no federal anchor issued. */
    private static KeyStore selfSignedCard() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Mallory Impostor, O=Nobody, C=US");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                Date.from(Instant.now().minus(Duration.ofDays(1))), Date.from(Instant.now().plus(Duration.ofDays(30))), name,
                keys.getPublic());
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        KeyStore card = KeyStore.getInstance("PKCS12");
        card.load(null, null);
        card.setKeyEntry("card", keys.getPrivate(), "proofline-dev".toCharArray(), new Certificate[] { certificate });
        return card;
    }
}
