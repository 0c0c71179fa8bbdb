package io.proofline.support.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openqa.selenium.chrome.ChromeDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Until closed, Chromium stops every request whose address matches a pattern, as a person pressing Stop
 * would ({@code net::ERR_ABORTED}: no error page, the page shown stays). It takes a DevTools connection of
 * its own to the page, because CDP's Fetch domain pauses each request with an event, and chromedriver passes
 * commands on but no events (Selenium's own DevTools support has no bindings for this Chromium version).
 */
public final class StoppedRequests implements AutoCloseable {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger stopped = new AtomicInteger();

    private StoppedRequests(URI page) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(page, new Listener()).join();
    }

    /** {@code urlPattern} in CDP's wildcards: {@code *} any characters, {@code ?} one. */
    static StoppedRequests matching(ChromeDriver driver, String urlPattern) {
        StoppedRequests requests = new StoppedRequests(pageSocket(driver));
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
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .exceptionally(ignored -> null).join();
        }
    }

    /** The DevTools address of the tab the driver controls (chromedriver's window handle is its target id). */
    private static URI pageSocket(ChromeDriver driver) {
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) driver.getCapabilities().getCapability("goog:chromeOptions");
        URI targets = URI.create("http://" + options.get("debuggerAddress") + "/json/list");
        try {
            String list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(targets).timeout(REPLY_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String tab = driver.getWindowHandle();
            for (JsonNode target : JSON.readTree(list)) {
                if (tab.equals(target.path("id").asText())) {
                    return URI.create(target.path("webSocketDebuggerUrl").asText());
                }
            }
            throw new IllegalStateException("No DevTools target for the tab " + tab + " in " + list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        send(Map.of("id", id, "method", method, "params", params));
        JsonNode answer = reply.orTimeout(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer;
    }

    /** One frame at a time: the JDK's WebSocket refuses a send while another is under way. */
    private synchronized void send(Map<String, Object> message) {
        try {
            socket.sendText(JSON.writeValueAsString(message), true).join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void received(String text) throws IOException {
        JsonNode message = JSON.readTree(text);
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = replies.remove(message.get("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
        } else if ("Fetch.requestPaused".equals(message.path("method").asText())) {
            stopped.incrementAndGet();
            send(Map.of("id", ids.incrementAndGet(), "method", "Fetch.failRequest", "params",
                    Map.of("requestId", message.path("params").path("requestId").asText(), "errorReason", "Aborted")));
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder frames = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frames.append(data);
            if (last) {
                String text = frames.toString();
                frames.setLength(0);
                try {
                    received(text);
                } catch (IOException | RuntimeException e) {
                    replies.values().forEach(reply -> reply.completeExceptionally(e));
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
