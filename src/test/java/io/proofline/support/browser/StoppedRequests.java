package io.proofline.support.browser;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.openqa.selenium.chrome.ChromeDriver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Until closed, Chromium stops every request whose address matches a pattern, as a person pressing Stop
 * would ({@code net::ERR_ABORTED}: no error page, the page shown stays). CDP's Fetch domain pauses each
 * request with an event, which only a {@link DevToolsConnection} of our own receives.
 */
public final class StoppedRequests implements AutoCloseable {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    private final AtomicInteger stopped = new AtomicInteger();
    private DevToolsConnection connection;

    private StoppedRequests() {
    }

    /** {@code urlPattern} in CDP's wildcards: {@code *} any characters, {@code ?} one. */
    static StoppedRequests matching(ChromeDriver driver, String urlPattern) {
        StoppedRequests requests = new StoppedRequests();
        requests.connection = DevToolsConnection.to(driver, requests::paused);
        requests.call("Fetch.enable", Map.of("patterns", new Object[] {Map.of("urlPattern", urlPattern, "requestStage", "Request")}));
        return requests;
    }

    /** How many requests were stopped so far. */
    public int count() {
        return stopped.get();
    }

    @Override
    public void close() {
        try {
            call("Fetch.disable", Map.of());
        } finally {
            connection.close();
        }
    }

    private void paused(JsonNode event) {
        if ("Fetch.requestPaused".equals(event.path("method").asText())) {
            stopped.incrementAndGet();
            connection.post("Fetch.failRequest",
                    Map.of("requestId", event.path("params").path("requestId").asText(), "errorReason", "Aborted"));
        }
    }

    private void call(String method, Map<String, Object> params) {
        try {
            connection.call(method, params, REPLY_TIMEOUT);
        } catch (TimeoutException e) {
            throw new IllegalStateException(method + " was not answered within " + REPLY_TIMEOUT, e);
        }
    }
}
