package io.proofline.vendors;

import java.time.Duration;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Per-vendor meters. Tags are the vendor, the operation, the outcome and the error kind: fixed
 * vocabularies, never anything the user typed. Circuit breaker state comes from resilience4j-micrometer
 * ({@code resilience4j_circuitbreaker_state}).
 */
@Component
public class VendorMetrics {

    /** Latency of whole calls (retries included), with a percentile histogram for dashboards. */
    public static final String LATENCY = "proofline.vendor.latency";
    /** Calls by outcome. */
    public static final String OUTCOMES = "proofline.vendor.outcomes";

    private final MeterRegistry registry;

    public VendorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(VendorId vendor, String operation, VendorResult<?> result, Duration elapsed) {
        String error = result instanceof VendorResult.VendorError<?> e ? e.kind().name().toLowerCase(java.util.Locale.ROOT) : "none";
        Timer.builder(LATENCY)
                .description("Vendor call latency, retries included")
                .tag("vendor", vendor.key()).tag("operation", operation).tag("outcome", result.outcome().tag())
                .publishPercentileHistogram()
                .register(registry)
                .record(elapsed);
        Counter.builder(OUTCOMES)
                .description("Vendor calls by outcome")
                .tag("vendor", vendor.key()).tag("operation", operation).tag("outcome", result.outcome().tag())
                .tag("error", error)
                .register(registry)
                .increment();
    }
}
