package io.proofline.vendors;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One vendor's HTTP client with its resilience around it. Every call: outage switch, then
 * retry (idempotent calls only) around the circuit breaker around the bulkhead around one HTTP
 * attempt under the vendor's timeout. Request and reply bodies carry personal data, so nothing here
 * logs them, and exceptions are reduced to an error kind before anything is logged.
 */
public final class VendorClient {

    private static final Logger log = LoggerFactory.getLogger(VendorClient.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final VendorId vendor;
    private final VendorSettings settings;
    private final String baseUrl;
    private final OkHttpClient http;
    private final ObjectMapper json;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;
    private final Retry retry;
    private final VendorStatus status;
    private final VendorMetrics metrics;

    VendorClient(VendorId vendor, VendorSettings settings, String baseUrl, OkHttpClient http, ObjectMapper json,
            CircuitBreaker circuitBreaker, Bulkhead bulkhead, Retry retry, VendorStatus status, VendorMetrics metrics) {
        this.vendor = vendor;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.http = http;
        this.json = json;
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = bulkhead;
        this.retry = retry;
        this.status = status;
        this.metrics = metrics;
    }

    public VendorId vendor() {
        return vendor;
    }

    VendorSettings settings() {
        return settings;
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /** A JSON object for a request body; the caller fills it. */
    public ObjectNode newObject() {
        return json.createObjectNode();
    }

    /** POSTs {@code body} as JSON. */
    public <T> VendorResult<T> postJson(String operation, String path, CallKind kind, IdempotencyKey key,
            JsonNode body, ReplyInterpreter<T> interpreter) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Request body not serializable", e);
        }
        return post(operation, path, kind, key, RequestBody.create(bytes, JSON), interpreter);
    }

    /** POSTs any body (e.g. multipart images). */
    public <T> VendorResult<T> post(String operation, String path, CallKind kind, IdempotencyKey key,
            RequestBody body, ReplyInterpreter<T> interpreter) {
        return call(operation, kind, key, request(path, key).post(body).build(), interpreter);
    }

    /** GETs a resource; always idempotent. */
    public <T> VendorResult<T> get(String operation, String path, IdempotencyKey key, ReplyInterpreter<T> interpreter) {
        return call(operation, CallKind.IDEMPOTENT, key, request(path, key).get().build(), interpreter);
    }

    private Request.Builder request(String path, IdempotencyKey key) {
        Request.Builder builder = new Request.Builder().url(baseUrl + path)
                .header("Idempotency-Key", key.value())
                .header("Accept", "application/json");
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        return builder;
    }

    private <T> VendorResult<T> call(String operation, CallKind kind, IdempotencyKey key, Request request,
            ReplyInterpreter<T> interpreter) {
        long start = System.nanoTime();
        AtomicInteger attempts = new AtomicInteger();
        VendorResult<T> result;
        if (!status.isOperational(vendor)) {
            result = VendorResult.error(vendor, VendorErrorKind.OUTAGE);
        } else {
            Supplier<VendorResult<T>> guarded = Bulkhead.decorateSupplier(bulkhead, () -> {
                attempts.incrementAndGet();
                return attempt(request, interpreter);
            });
            guarded = CircuitBreaker.decorateSupplier(circuitBreaker, guarded);
            if (kind == CallKind.IDEMPOTENT) {
                guarded = Retry.decorateSupplier(retry, guarded);
            }
            result = run(guarded);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        metrics.record(vendor, operation, result, elapsed);
        if (result instanceof VendorResult.VendorError<T> error) {
            log.warn("Vendor call vendor={} operation={} key={} outcome={} error={} attempts={} ms={}", vendor.key(),
                    operation, key, result.outcome().tag(), error.kind(), attempts.get(), elapsed.toMillis());
        } else {
            log.info("Vendor call vendor={} operation={} key={} outcome={} reasons={} attempts={} ms={}", vendor.key(),
                    operation, key, result.outcome().tag(), result.reasonCodes(), attempts.get(), elapsed.toMillis());
        }
        return result;
    }

    private <T> VendorResult<T> run(Supplier<VendorResult<T>> guarded) {
        try {
            return guarded.get();
        } catch (VendorCallException e) {
            return VendorResult.error(vendor, e.kind());
        } catch (CallNotPermittedException e) {
            return VendorResult.error(vendor, VendorErrorKind.CIRCUIT_OPEN);
        } catch (BulkheadFullException e) {
            return VendorResult.error(vendor, VendorErrorKind.BULKHEAD_FULL);
        }
    }

    /** One HTTP attempt: a pass or failure, or a {@link VendorCallException} for the resilience layers. */
    private <T> VendorResult<T> attempt(Request request, ReplyInterpreter<T> interpreter) {
        try (Response response = http.newCall(request).execute()) {
            int code = response.code();
            if (code >= 500 || code == 429) {
                throw new VendorCallException(VendorErrorKind.SERVER_ERROR);
            }
            if (code < 200 || code >= 300) {
                throw new VendorCallException(VendorErrorKind.REJECTED_REQUEST);
            }
            ResponseBody body = response.body();
            JsonNode reply;
            try {
                reply = json.readTree(body == null ? "" : body.string());
            } catch (JsonProcessingException e) {
                throw new VendorCallException(VendorErrorKind.MALFORMED_REPLY);
            }
            if (reply == null || !reply.isObject()) {
                throw new VendorCallException(VendorErrorKind.MALFORMED_REPLY);
            }
            try {
                return interpreter.interpret(reply);
            } catch (MalformedReplyException | IllegalArgumentException | NullPointerException e) {
                throw new VendorCallException(VendorErrorKind.MALFORMED_REPLY);
            }
        } catch (InterruptedIOException e) {
            throw new VendorCallException(VendorErrorKind.TIMEOUT);
        } catch (IOException e) {
            throw new VendorCallException(VendorErrorKind.CONNECTION);
        }
    }

    /** A vendor error inside the resilience layers; carries no message, so nothing personal can leak. */
    static final class VendorCallException extends RuntimeException {
        private final VendorErrorKind kind;

        VendorCallException(VendorErrorKind kind) {
            super(kind.name(), null, false, false);
            this.kind = kind;
        }

        VendorErrorKind kind() {
            return kind;
        }
    }
}
