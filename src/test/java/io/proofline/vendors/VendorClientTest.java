package io.proofline.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** The shared client's edges: 4xx, refused connections, a full bulkhead, settings over defaults. */
class VendorClientTest {

    static WireMockServer server;
    StubbedVendors vendors;

    @BeforeAll
    static void startStubs() {
        server = StubbedVendors.startStubServer();
    }

    @AfterAll
    static void stopStubs() {
        server.stop();
    }

    @BeforeEach
    void fresh() {
        vendors = StubbedVendors.on(server);
    }

    static final ReplyInterpreter<String> ANY_REPLY = reply -> VendorResult.pass("answered");

    static IdempotencyKey key(String step) {
        return IdempotencyKey.of("d0d0d0d0-1111-4222-8333-444455556666", step);
    }

    @Test
    void aClientErrorIsARejectedRequestNotRetriedAndNotHeldAgainstTheVendor() {
        VendorClient client = vendors.clients().client(VendorId.IDENTITY_RESOLUTION);

        for (int i = 0; i < 6; i++) {
            assertThat(client.get("lookup", "/no-such-endpoint", key("4xx-" + i), ANY_REPLY))
                    .isEqualTo(VendorResult.error(VendorId.IDENTITY_RESOLUTION, VendorErrorKind.REJECTED_REQUEST));
        }

        assertThat(vendors.requestsTo("/no-such-endpoint")).hasSize(6);
        assertThat(client.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aRefusedConnectionIsAConnectionErrorRetriedOnce() {
        VendorClient client = vendors.clients(s -> new VendorSettings("http://127.0.0.1:1", s.apiKey(), s.timeout(),
                s.retry(), s.circuitBreaker(), s.bulkhead())).client(VendorId.IDENTITY_RESOLUTION);

        assertThat(client.get("lookup", "/anything", key("refused"), ANY_REPLY))
                .isEqualTo(VendorResult.error(VendorId.IDENTITY_RESOLUTION, VendorErrorKind.CONNECTION));
        assertThat(client.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(2);
    }

    @Test
    void aFullBulkheadRefusesAtOnce() throws Exception {
        VendorClient client = vendors.clients(s -> new VendorSettings(s.baseUrl(), s.apiKey(), s.timeout(), s.retry(),
                s.circuitBreaker(), new VendorSettings.Bulkhead(1, Duration.ZERO))).client(VendorId.IDENTITY_RESOLUTION);
        com.fasterxml.jackson.databind.node.ObjectNode slow = client.newObject().put("firstName", "Timeout").put("ssn", "900000000");

        CompletableFuture<VendorResult<String>> inFlight = CompletableFuture.supplyAsync(
                () -> client.postJson("verify", "/resolution/v1/verify", CallKind.IDEMPOTENT, key("slow"), slow, ANY_REPLY));
        Thread.sleep(150);
        VendorResult<String> refused = client.postJson("verify", "/resolution/v1/verify", CallKind.IDEMPOTENT, key("second"),
                client.newObject().put("firstName", "Fakey").put("ssn", "900000000"), ANY_REPLY);

        assertThat(refused).isEqualTo(VendorResult.error(VendorId.IDENTITY_RESOLUTION, VendorErrorKind.BULKHEAD_FULL));
        assertThat(inFlight.get(5, TimeUnit.SECONDS))
                .isEqualTo(VendorResult.error(VendorId.IDENTITY_RESOLUTION, VendorErrorKind.TIMEOUT));
        assertThat(vendors.keysSentTo("/resolution/v1/verify")).containsOnly(key("slow").value());
    }

    @Test
    void configuredSettingsOverrideTheDefaultsOneByOne() {
        VendorSettings configured = new VendorSettings("", null, Duration.ofMillis(750),
                new VendorSettings.Retry(3, null), null, null);

        VendorSettings effective = configured.orElse(VendorSettings.defaults(VendorId.DOCUMENT_AUTH));

        assertThat(effective.timeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(effective.retry().maxAttempts()).isEqualTo(3);
        assertThat(effective.retry().backoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(effective.circuitBreaker().minimumCalls()).isEqualTo(10);
        assertThat(VendorSettings.defaults(VendorId.DOCUMENT_AUTH).timeout()).hasSeconds(60);
        assertThat(new VendorSettings("", "secret-key", null, null, null, null).toString()).doesNotContain("secret-key");
    }

    @Test
    void idempotencyKeysAreJourneyAndStepAndRefuseOddCharacters() {
        assertThat(IdempotencyKey.of("j-1", "resolve", 2).value()).isEqualTo("j-1:resolve:2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IdempotencyKey.of("j 1", "a b"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
