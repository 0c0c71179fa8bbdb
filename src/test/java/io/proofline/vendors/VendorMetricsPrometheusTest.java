package io.proofline.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.proofline.address.AddressFailureProbe;

/** What a Prometheus scrape shows of vendor calls: a latency histogram, outcome counts, circuit state. */
class VendorMetricsPrometheusTest {

    @Test
    void aScrapeHasLatencyBucketsOutcomeCountsAndCircuitStatePerVendor() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(prometheus);
        circuitBreakers.circuitBreaker("phone");
        VendorMetrics metrics = new VendorMetrics(prometheus);

        metrics.record(VendorId.PHONE_RECORDS, "verify", VendorResult.pass("matched"), Duration.ofMillis(120));
        metrics.record(VendorId.PHONE_RECORDS, "verify", VendorResult.fail(AddressFailureProbe.any()), Duration.ofMillis(90));
        metrics.record(VendorId.PHONE_RECORDS, "verify", VendorResult.error(VendorId.PHONE_RECORDS, VendorErrorKind.TIMEOUT),
                Duration.ofSeconds(1));

        String scrape = prometheus.scrape();
        assertThat(scrape).containsPattern("proofline_vendor_latency_seconds_bucket\\{[^}]*vendor=\"phone\",le=\"[0-9.]+\"}");
        assertThat(scrape).containsPattern("proofline_vendor_outcomes_total\\{error=\"none\",operation=\"verify\",outcome=\"pass\",vendor=\"phone\"} 1.0");
        assertThat(scrape).containsPattern("proofline_vendor_outcomes_total\\{error=\"none\",operation=\"verify\",outcome=\"fail\",vendor=\"phone\"} 1.0");
        assertThat(scrape).containsPattern("proofline_vendor_outcomes_total\\{error=\"timeout\",operation=\"verify\",outcome=\"vendor_error\",vendor=\"phone\"} 1.0");
        assertThat(scrape).containsPattern("resilience4j_circuitbreaker_state\\{name=\"phone\",state=\"closed\"} 1.0");
    }
}
