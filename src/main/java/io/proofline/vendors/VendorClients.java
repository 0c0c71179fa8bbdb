package io.proofline.vendors;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Builds one {@link VendorClient} per vendor from {@code proofline.vendors.<vendor>.*}. All clients share
 * one OkHttp connection pool and dispatcher; circuit breakers, retries and bulkheads are registered
 * in the Resilience4j registries under the vendor's key, so resilience4j-micrometer publishes them.
 */
@Component
public class VendorClients {

    private final Function<VendorId, VendorSettings> settings;
    private final String defaultBaseUrl;
    private final VendorStatus status;
    private final VendorMetrics metrics;
    private final CircuitBreakerRegistry circuitBreakers;
    private final RetryRegistry retries;
    private final BulkheadRegistry bulkheads;
    private final OkHttpClient sharedHttp;
    private final ObjectMapper json = JsonMapper.builder().build();

    @Autowired
    VendorClients(Environment environment, VendorEndpoints endpoints, VendorStatus status, VendorMetrics metrics,
            CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, BulkheadRegistry bulkheads) {
        this(vendor -> bind(environment, vendor), endpoints.baseUrl(), status, metrics, circuitBreakers, retries,
                bulkheads);
    }

    VendorClients(Function<VendorId, VendorSettings> settings, String defaultBaseUrl, VendorStatus status,
            VendorMetrics metrics, CircuitBreakerRegistry circuitBreakers, RetryRegistry retries,
            BulkheadRegistry bulkheads) {
        this.settings = settings;
        this.defaultBaseUrl = defaultBaseUrl;
        this.status = status;
        this.metrics = metrics;
        this.circuitBreakers = circuitBreakers;
        this.retries = retries;
        this.bulkheads = bulkheads;
        this.sharedHttp = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(20, 5, TimeUnit.MINUTES))
                .retryOnConnectionFailure(false) // retries are ours to decide, per call kind
                .followRedirects(false)
                .build();
    }

    /** The settings in force for {@code vendor}: configuration over defaults. */
    VendorSettings settings(VendorId vendor) {
        VendorSettings configured = settings.apply(vendor);
        VendorSettings defaults = VendorSettings.defaults(vendor);
        VendorSettings effective = configured == null ? defaults : configured.orElse(defaults);
        return effective.baseUrl().isBlank() ? new VendorSettings(defaultBaseUrl, effective.apiKey(),
                effective.timeout(), effective.retry(), effective.circuitBreaker(), effective.bulkhead()) : effective;
    }

    public VendorClient client(VendorId vendor) {
        VendorSettings s = settings(vendor);
        Duration timeout = s.timeout();
        OkHttpClient http = sharedHttp.newBuilder()
                .callTimeout(timeout).connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout)
                .build();
        CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(vendor.key(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.circuitBreaker().slidingWindow())
                .minimumNumberOfCalls(s.circuitBreaker().minimumCalls())
                .failureRateThreshold(s.circuitBreaker().failureRateThreshold())
                .waitDurationInOpenState(s.circuitBreaker().openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(e -> e instanceof VendorClient.VendorCallException v && v.kind().vendorFault())
                .build());
        Retry retry = retries.retry(vendor.key(), RetryConfig.custom()
                .maxAttempts(Math.max(1, s.retry().maxAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(s.retry().backoff(), 2.0))
                .retryOnException(e -> e instanceof VendorClient.VendorCallException v && v.kind().retryable())
                .build());
        Bulkhead bulkhead = bulkheads.bulkhead(vendor.key(), BulkheadConfig.custom()
                .maxConcurrentCalls(s.bulkhead().maxConcurrentCalls())
                .maxWaitDuration(s.bulkhead().maxWait())
                .build());
        return new VendorClient(vendor, s, stripTrailingSlash(s.baseUrl()), http, json, circuitBreaker, bulkhead,
                retry, status, metrics);
    }

    public VendorStatus status() {
        return status;
    }

    public VendorMetrics metrics() {
        return metrics;
    }

    private static VendorSettings bind(Environment environment, VendorId vendor) {
        return Binder.get(environment).bind("proofline.vendors." + vendor.key(), Bindable.of(VendorSettings.class))
                .orElse(null);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
