package io.proofline.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.proofline.address.CodeDeliveryRequest;
import io.proofline.address.EnrollmentRequest;
import io.proofline.address.LetterRequest;
import io.proofline.address.OneTimeCodeDelivery;
import io.proofline.address.PhoneRecordRequest;
import io.proofline.address.PhoneRecords;
import io.proofline.address.Usps;
import io.proofline.documents.DocumentAuthentication;
import io.proofline.documents.DocumentImages;
import io.proofline.resolution.IdentityResolution;
import io.proofline.resolution.ResolutionRequest;
import io.proofline.resolution.StateDmv;
import io.proofline.resolution.StateIdRequest;

/**
 * The adapters as the service wires them (the embedded default, same context as
 * EmbeddedDefaultTest, so one cached context serves both): production settings from application.yml, the in-process stub server,
 * the operator's outage switches over actuator, metrics on the Prometheus endpoint, and log lines
 * that carry no personal data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "proofline.vendor-stubs.port=0", "proofline.data-dir=" + "./target/embedded-default-test"})
@ExtendWith(OutputCaptureExtension.class)
class VendorsInTheServiceTest {

    // Personal data that must never reach a log line.
    static final String FIRST = "Zebulon";
    static final String LAST = "Quattlebaum";
    static final String SSN = "900-12-3456";
    static final String SSN_DIGITS = "900123456";
    static final LocalDate DOB = LocalDate.of(1971, 2, 3);
    static final String STREET = "742 Evergreen Terrace";
    static final String CITY = "Shelbyville";
    static final String PHONE = "2025550199";
    static final String CODE = "Q7W8E9";
    static final PostalAddress ADDRESS = new PostalAddress(STREET, "Unit 9", CITY, "MT", "59011");


    @Autowired
    io.proofline.system.ManagementPort managementPort;

    /** Actuator and Cockpit are served on the management port only. */
    private TestRestTemplate management() {
        return new TestRestTemplate(new org.springframework.boot.web.client.RestTemplateBuilder().rootUri(managementPort.localUrl()));
    }
    @org.springframework.beans.factory.annotation.Value("${proofline.operator.username}") String operator;
    @org.springframework.beans.factory.annotation.Value("${proofline.operator.password}") String operatorPassword;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired VendorStubServer stubs;
    @Autowired VendorClients clients;
    @Autowired IdentityResolution resolution;
    @Autowired StateDmv dmv;
    @Autowired PhoneRecords phoneRecords;
    @Autowired OneTimeCodeDelivery codes;
    @Autowired Usps usps;
    @Autowired DocumentAuthentication documents;
    @Autowired io.proofline.pivcac.PivCacVerification pivCac;

    static IdempotencyKey key(String step) {
        return IdempotencyKey.of("4f1e2d3c-0b9a-4877-a665-544332211000", step);
    }

    @Test
    void productionSettingsComeFromConfiguration() {
        assertThat(clients.settings(VendorId.DOCUMENT_AUTH).timeout()).hasSeconds(60);
        assertThat(clients.settings(VendorId.IDENTITY_RESOLUTION).timeout()).hasSeconds(1);
        assertThat(clients.settings(VendorId.PHONE_RECORDS).timeout()).hasSeconds(1);
        assertThat(clients.settings(VendorId.STATE_DMV).timeout()).hasSeconds(5);
        assertThat(clients.settings(VendorId.IDENTITY_RESOLUTION).baseUrl()).isEqualTo(stubs.baseUrl());
        assertThat(clients.settings(VendorId.IDENTITY_RESOLUTION).retry().maxAttempts()).isEqualTo(2);
    }

    @Test
    void theEmbeddedDefaultTrustsItsDevelopmentPivCaAndNothingElse() throws Exception {
        java.security.KeyStore holder = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(
                java.nio.file.Path.of("./target/embedded-default-test/pivcac-dev/dev-holder.p12"))) {
            holder.load(in, "proofline-dev".toCharArray());
        }
        java.security.cert.X509Certificate card = (java.security.cert.X509Certificate) holder.getCertificate("holder");

        assertThat(pivCac.validate(List.of(card)).isPass()).isTrue();
        assertThat(pivCac.validate(List.of((java.security.cert.X509Certificate) holder.getCertificateChain("holder")[1]))
                .isPass()).as("the CA's own certificate is not a card").isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOperatorSwitchesAVendorOffAndOnOverActuator() {
        Map<String, String> all = management().getForObject("/actuator/vendorstatus", Map.class);
        assertThat(all).containsEntry("phone", "OPERATIONAL").containsKeys("docauth", "resolution", "dmv", "sms", "voice", "usps", "pivcac");
        int before = stubs.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/phone/v1/verify"))).size();

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(management().postForEntity("/actuator/vendorstatus/phone", new HttpEntity<>("{\"state\":\"OUTAGE\"}", headers),
                Map.class).getStatusCode().value()).as("only an operator changes the service").isEqualTo(401);
        // (Not the operator's own name with a wrong password: the engine would then delay the operator's next
        // sign-in by a few seconds, its own guard against guessing.)
        headers.setBasicAuth("someone-else", "a guess");
        assertThat(management().postForEntity("/actuator/vendorstatus/phone", new HttpEntity<>("{\"state\":\"OUTAGE\"}", headers),
                Map.class).getStatusCode().value()).isEqualTo(401);
        assertThat(management().getForObject("/actuator/vendorstatus/phone", Map.class)).as("nothing changed")
                .containsEntry("state", "OPERATIONAL");
        headers.setBasicAuth(operator, operatorPassword);
        Map<String, String> changed = management().postForObject("/actuator/vendorstatus/phone",
                new HttpEntity<>("{\"state\":\"OUTAGE\"}", headers), Map.class);
        try {
            assertThat(changed).containsEntry("state", "OUTAGE");
            assertThat(management().getForObject("/actuator/vendorstatus/phone", Map.class)).containsEntry("state", "OUTAGE");
            VendorResult<?> result = phoneRecords.check(phoneRequest("2025550143"), key("phone-outage"));
            assertThat(result).isEqualTo(VendorResult.error(VendorId.PHONE_RECORDS, VendorErrorKind.OUTAGE));
            assertThat(stubs.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                    com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/phone/v1/verify")))).hasSize(before);
        } finally {
            management().postForObject("/actuator/vendorstatus/phone", new HttpEntity<>("{\"state\":\"OPERATIONAL\"}", headers), Map.class);
        }
        assertThat(phoneRecords.check(phoneRequest("2025550143"), key("phone-back")).isPass()).isTrue();
    }

    @Test
    void guessingAnOperatorsPasswordIsStoppedAfterFiveTries() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        // a name an operator could have (Camunda's [a-zA-Z0-9]+): one no operator can have is refused uncounted
        headers.setBasicAuth("guessedOperator" + java.util.UUID.randomUUID().toString().replace("-", ""), "a guess");
        HttpEntity<String> outage = new HttpEntity<>("{\"state\":\"OUTAGE\"}", headers);
        for (int i = 0; i < 5; i++) {
            assertThat(management().postForEntity("/actuator/vendorstatus/sms", outage, Map.class).getStatusCode().value())
                    .isEqualTo(401);
        }
        var locked = management().postForEntity("/actuator/vendorstatus/sms", outage, Map.class);
        assertThat(locked.getStatusCode().value()).isEqualTo(429);
        assertThat(Long.parseLong(locked.getHeaders().getFirst("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(management().getForObject("/actuator/vendorstatus/sms", Map.class)).containsEntry("state", "OPERATIONAL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void vendorMetricsAndCircuitStatesArePublished() {
        resolution.resolve(resolutionRequest(FIRST), key("metrics"));

        // Tests run with a simple registry (Spring Boot turns exporters off in tests), so read the
        // meters through /actuator/metrics; the Prometheus endpoint serves the same meters in the service.
        Map<String, Object> outcomes = management().getForObject(
                "/actuator/metrics/proofline.vendor.outcomes?tag=vendor:resolution&tag=outcome:pass", Map.class);
        assertThat(outcomes.get("measurements").toString()).containsPattern("value=[1-9]");
        Map<String, Object> circuit = management().getForObject(
                "/actuator/metrics/resilience4j.circuitbreaker.state?tag=name:resolution&tag=state:closed", Map.class);
        assertThat(circuit.get("measurements").toString()).contains("value=1.0");
        assertThat(meters.find(VendorMetrics.LATENCY).tags("vendor", "resolution", "outcome", "pass").timer().count())
                .isPositive();
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags().toString())
                .doesNotContain(FIRST, SSN_DIGITS));
    }

    @Test
    void noAdapterLogLineCarriesPersonalData(CapturedOutput output) {
        // pass, fail, timeout, server error and malformed paths, through every adapter
        for (String first : List.of(FIRST, FIRST + "Fail", FIRST + "Timeout", FIRST + "Error", FIRST + "Garbled")) {
            resolution.resolve(resolutionRequest(first), key("log-resolution-" + first.length()));
            if (!first.endsWith("Timeout")) { // USPS waits 10 s in production; its timeout is covered in UspsTest
                usps.sendLetter(new LetterRequest(first, LAST, ADDRESS, CODE), key("log-letter-" + first.length()));
                usps.enroll(new EnrollmentRequest("u-log-" + first.length(), first, LAST, ADDRESS), key("log-ipp-" + first.length()));
            }
        }
        for (String id : List.of("D1234567", "000000000", "mvaerror", "mvagarbled")) {
            dmv.confirm(new StateIdRequest(id, "MT", FIRST, LAST, DOB, LocalDate.of(2030, 1, 1)), key("log-dmv-" + id.length()));
        }
        for (String phone : List.of(PHONE, "7035555555", "7035555999", "7035555666")) {
            phoneRecords.check(phoneRequest(phone), key("log-phone-" + phone.hashCode()));
            codes.deliver(new CodeDeliveryRequest(CodeDeliveryRequest.Channel.SMS, phone, CODE), key("log-sms-" + phone.hashCode()));
        }
        byte[] image = "JPEG STUB:GLARE image bytes".getBytes(StandardCharsets.US_ASCII);
        documents.verify(new DocumentImages("plain".getBytes(StandardCharsets.US_ASCII), image, image), key("log-doc-1"));
        documents.verify(new DocumentImages(image, image, image), key("log-doc-2"));

        assertThat(output.getAll()).contains("Vendor call vendor=resolution", "Vendor call vendor=dmv",
                "Vendor call vendor=phone", "Vendor call vendor=sms", "Vendor call vendor=usps", "Vendor call vendor=docauth");
        assertThat(output.getAll()).doesNotContain(FIRST, LAST, SSN, SSN_DIGITS, DOB.toString(), "1971", STREET, CITY,
                PHONE, "+1" + PHONE, CODE, "STUB:GLARE", "image bytes", "FAKEY", "MCFAKERSON");
    }

    static ResolutionRequest resolutionRequest(String first) {
        return new ResolutionRequest(first, LAST, DOB, SSN, ADDRESS);
    }

    static PhoneRecordRequest phoneRequest(String phone) {
        return new PhoneRecordRequest(phone, FIRST, LAST, DOB, SSN, ADDRESS);
    }
}
