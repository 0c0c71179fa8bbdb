package io.proofline.vendors;

import java.time.Duration;

/**
 * One vendor's connection and resilience settings, bound from {@code proofline.vendors.<vendor>.*}.
 * Anything left unset takes the default of {@link #defaults(VendorId)}.
 *
 * @param baseUrl  blank: {@link VendorEndpoints#baseUrl()} (the stub server unless configured)
 * @param apiKey   sent as a bearer token
 * @param timeout  whole-call timeout of one attempt
 */
record VendorSettings(String baseUrl, String apiKey, Duration timeout, Retry retry,
        CircuitBreaker circuitBreaker, Bulkhead bulkhead) {

    /**
     * Retries apply to idempotent calls only; sends (SMS, letters, enrollments) are attempted once.
     *
     * @param maxAttempts attempts in all, including the first
     * @param backoff     wait before the first retry, doubled each time
     */
    public record Retry(Integer maxAttempts, Duration backoff) {
    }

    /**
     * @param slidingWindow        calls the failure rate is computed over
     * @param minimumCalls         calls needed before the circuit may open
     * @param failureRateThreshold percent of vendor errors that opens the circuit
     * @param openFor              how long an open circuit refuses calls before trying again
     */
    public record CircuitBreaker(Integer slidingWindow, Integer minimumCalls, Float failureRateThreshold,
            Duration openFor) {
    }

    /** @param maxConcurrentCalls calls in flight at once; @param maxWait wait for a free slot */
    public record Bulkhead(Integer maxConcurrentCalls, Duration maxWait) {
    }

    public static VendorSettings defaults(VendorId vendor) {
        return new VendorSettings("", "", vendor.defaultTimeout(), new Retry(2, Duration.ofMillis(200)),
                new CircuitBreaker(20, 10, 50f, Duration.ofSeconds(30)), new Bulkhead(25, Duration.ofMillis(100)));
    }

    /** These settings, with every unset value taken from {@code defaults}. */
    public VendorSettings orElse(VendorSettings defaults) {
        Retry r = retry == null ? defaults.retry : new Retry(
                or(retry.maxAttempts, defaults.retry.maxAttempts), or(retry.backoff, defaults.retry.backoff));
        CircuitBreaker c = circuitBreaker == null ? defaults.circuitBreaker : new CircuitBreaker(
                or(circuitBreaker.slidingWindow, defaults.circuitBreaker.slidingWindow),
                or(circuitBreaker.minimumCalls, defaults.circuitBreaker.minimumCalls),
                or(circuitBreaker.failureRateThreshold, defaults.circuitBreaker.failureRateThreshold),
                or(circuitBreaker.openFor, defaults.circuitBreaker.openFor));
        Bulkhead b = bulkhead == null ? defaults.bulkhead : new Bulkhead(
                or(bulkhead.maxConcurrentCalls, defaults.bulkhead.maxConcurrentCalls),
                or(bulkhead.maxWait, defaults.bulkhead.maxWait));
        return new VendorSettings(baseUrl == null || baseUrl.isBlank() ? defaults.baseUrl : baseUrl,
                apiKey == null ? defaults.apiKey : apiKey, or(timeout, defaults.timeout), r, c, b);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    @Override
    public String toString() {
        return "VendorSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isEmpty() ? "" : "***")
                + ", timeout=" + timeout + ", retry=" + retry + ", circuitBreaker=" + circuitBreaker
                + ", bulkhead=" + bulkhead + "]";
    }
}
