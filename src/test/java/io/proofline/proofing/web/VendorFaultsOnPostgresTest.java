package io.proofline.proofing.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.proofing.Journeys;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.WizardOverHttp;
import io.proofline.throttle.ThrottleType;
import io.proofline.throttle.Throttles;
import io.proofline.vendors.VendorStubServer;

/**
 * The ID check's vendor failing in every way a network fails, through the wizard's pages on PostgreSQL: each time
 * the person is shown the upload again with "try again later" (the vendor-error alert), no 500, and the failed check
 * is not counted against their four tries. The vendor's timeout is shortened here so a timeout takes a second.
 */
@TestPropertySource(properties = {"proofline.vendors.docauth.timeout=1s", "proofline.vendor-stubs.request-journal=true"})
class VendorFaultsOnPostgresTest extends PostgresIntegrationTest {

    static final String DOCAUTH = "/docauth/v1/verify";
    static final int TRIES = 4; // proofline.throttle.document.max-attempts

    @Autowired Accounts accounts;
    @Autowired Journeys journeys;
    @Autowired Throttles throttles;
    @Autowired VendorStubServer stubs;
    @Autowired CircuitBreakerRegistry circuitBreakers;
    @LocalServerPort int port;

    @AfterEach
    void closeTheCircuit() {
        circuitBreakers.circuitBreaker("docauth").reset(); // each fault reaches the vendor, not a circuit the last opened
    }

    @Test
    void aTimeoutIsAVendorErrorCountedAgainstNobody() throws Exception {
        theCheckFailsAsAVendorError(aResponse().withStatus(200).withFixedDelay(3_000).withBody("{}"), true);
    }

    @Test
    void aServerErrorIsAVendorErrorCountedAgainstNobody() throws Exception {
        theCheckFailsAsAVendorError(aResponse().withStatus(503), true);
    }

    @Test
    void aConnectionResetIsAVendorErrorCountedAgainstNobody() throws Exception {
        theCheckFailsAsAVendorError(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), true);
    }

    @Test
    void aReplyTrickledSlowerThanTheTimeoutIsAVendorErrorCountedAgainstNobody() throws Exception {
        theCheckFailsAsAVendorError(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"result\":\"PASS\",\"checks\":{\"glare\":90,\"sharpness\":90}}")
                .withChunkedDribbleDelay(8, 4_000), true);
    }

    @Test
    void malformedJsonIsAVendorErrorCountedAgainstNobody() throws Exception {
        theCheckFailsAsAVendorError(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"result\": \"PASS\", \"checks\": {"), true);
    }

    @Test
    void anOpenCircuitIsAVendorErrorCountedAgainstNobodyWithoutCallingTheVendor() throws Exception {
        circuitBreakers.circuitBreaker("docauth").transitionToOpenState();
        theCheckFailsAsAVendorError(aResponse().withStatus(200), false);
    }

    /** A person's upload whose check meets the reply; the page and the count afterwards. */
    private void theCheckFailsAsAVendorError(ResponseDefinitionBuilder reply, boolean vendorCalled) throws Exception {
        String email = "faults." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        AccountId account = accounts.signUp(email, WizardOverHttp.PASSWORD);
        WizardOverHttp person = WizardOverHttp.at("http://localhost:" + port);
        person.signIn(email);
        person.step("ConsentToProofing", Map.of("consent", "on"));
        person.step("ChooseProofingPath", Map.of("proofingPath", "STATE_ID"));
        String journey = journeys.latest(account).orElseThrow().id().toString();
        stubs.server().stubFor(post(urlEqualTo(DOCAUTH)).atPriority(1)
                .withHeader("Idempotency-Key", containing(journey)).willReturn(reply));

        person.upload("");

        person.awaitPage("id=\"vendor-error\"", java.time.Duration.ofSeconds(60));
        assertThat(person.page()).as("shown the upload again").contains("/verify/UploadDocuments\"");
        assertThat(throttles.check(account.toString(), ThrottleType.named("document")).remainingAttempts())
                .as("the failed check counts nothing").isEqualTo(TRIES);
        int calls = stubs.server().findAll(postRequestedFor(urlEqualTo(DOCAUTH))
                .withHeader("Idempotency-Key", containing(journey))).size();
        if (vendorCalled) {
            assertThat(calls).as("the fault was met at the vendor").isPositive();
        } else {
            assertThat(calls).as("the open circuit calls nobody").isZero();
        }
    }
}
