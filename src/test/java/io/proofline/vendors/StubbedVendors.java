package io.proofline.vendors;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Adapters against the repository's own {@code vendor-stubs/}, without Spring: a WireMock server on a
 * random port serving the stubs, fresh Resilience4j registries (so every test starts with a closed
 * circuit), an in-memory vendor status and a simple meter registry. Settings are the "fast" ones:
 * 400 ms timeouts against the stubs' 2 s delays, so a timeout test takes a fraction of a second.
 */
public final class StubbedVendors {

    /** Well under the stubs' 2 s delays, with room for a busy shared build machine. */
    public static final Duration FAST_TIMEOUT = Duration.ofMillis(400);

    public final InMemoryVendorStatus status = new InMemoryVendorStatus();
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();

    private final WireMockServer server;

    private StubbedVendors(WireMockServer server) {
        this.server = server;
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meters);
    }

    /** Starts a WireMock server on a random port serving {@code vendor-stubs/}. Stop it after the class. */
    public static WireMockServer startStubServer() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .usingFilesUnderDirectory("vendor-stubs").notifier(new Slf4jNotifier(false))
                .jettyStopTimeout(100L)); // do not wait out the stubs' long delays at the end of a class
        server.start();
        warmUp(server);
        return server;
    }

    /** The first templated reply of a fresh server is slow (template engine start): pay that before timing anything. */
    private static void warmUp(WireMockServer server) {
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(server.baseUrl() + "/resolution/v1/verify"))
                    .header("Idempotency-Key", "warm-up").header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"ssn\":\"900000000\",\"firstName\":\"W\",\"address\":{}}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("Stub server not answering", e);
        }
        server.resetRequests();
    }

    /** Fresh registries and status for one test; the server's journal and scenarios are reset. */
    public static StubbedVendors on(WireMockServer server) {
        server.resetRequests();
        server.resetScenarios();
        return new StubbedVendors(server);
    }

    /** 400 ms timeout, 2 attempts 20 ms apart, a circuit that opens after 4 calls at 50 % failures. */
    public static VendorSettings fast() {
        return new VendorSettings("", "test-key", FAST_TIMEOUT, new VendorSettings.Retry(2, Duration.ofMillis(20)),
                new VendorSettings.CircuitBreaker(4, 4, 50f, Duration.ofMinutes(1)),
                new VendorSettings.Bulkhead(10, Duration.ofMillis(50)));
    }

    public VendorClients clients() {
        return clients(UnaryOperator.identity());
    }

    public VendorClients clients(UnaryOperator<VendorSettings> tweak) {
        return new VendorClients(vendor -> tweak.apply(fast()), server.baseUrl(), status, new VendorMetrics(meters),
                circuitBreakers, RetryRegistry.ofDefaults(), BulkheadRegistry.ofDefaults());
    }

    public WireMockServer server() {
        return server;
    }

    /** Requests the stub server received for {@code path}, oldest first. */
    public List<LoggedRequest> requestsTo(String path) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(path))
                .map(e -> (LoggedRequest) e.getRequest())
                .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
                .toList();
    }

    /** The Idempotency-Key header of every request to {@code path}. */
    public List<String> keysSentTo(String path) {
        return requestsTo(path).stream().map(r -> r.getHeader("Idempotency-Key")).toList();
    }

    public double outcomeCount(VendorId vendor, String outcome) {
        return meters.find(VendorMetrics.OUTCOMES).tags("vendor", vendor.key(), "outcome", outcome).counters()
                .stream().mapToDouble(c -> c.count()).sum();
    }

    public Map<String, Double> circuitStates(VendorId vendor) {
        return meters.find("resilience4j.circuitbreaker.state").tag("name", vendor.key()).gauges().stream()
                .collect(java.util.stream.Collectors.toMap(g -> g.getId().getTag("state"), g -> g.value()));
    }
}
