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
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.openqa.selenium.chrome.ChromeDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A DevTools connection of our own to the tab chromedriver controls, with only the JDK. chromedriver passes
 * commands on but no events (and Selenium has no DevTools bindings for this Chromium version); and a command
 * that never answers (a screenshot waiting for a frame Chromium does not draw) would hold chromedriver's
 * session, and so the whole test class, while here it only times out.
 */
final class DevToolsConnection implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Consumer<JsonNode> events;

    private DevToolsConnection(URI page, Consumer<JsonNode> events) {
        this.events = events;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(page, new Listener()).join();
    }

    /** Connects to the driver's tab; {@code events} receives every event (a message without an id). */
    static DevToolsConnection to(ChromeDriver driver, Consumer<JsonNode> events) {
        return new DevToolsConnection(pageSocket(driver), events);
    }

    /** Sends a command and waits for its answer, at most {@code patience}. */
    JsonNode call(String method, Map<String, Object> params, Duration patience) throws TimeoutException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        send(Map.of("id", id, "method", method, "params", params));
        try {
            JsonNode answer = reply.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed: " + answer.get("error"));
            }
            return answer.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(method + " failed", e.getCause());
        } finally {
            replies.remove(id);
        }
    }

    /** Sends a command without waiting for its answer (from an event handler, say). */
    void post(String method, Map<String, Object> params) {
        send(Map.of("id", ids.incrementAndGet(), "method", method, "params", params));
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(10, TimeUnit.SECONDS).exceptionally(ignored -> null).join();
    }

    /** The DevTools address of the tab the driver controls (chromedriver's window handle is its target id). */
    private static URI pageSocket(ChromeDriver driver) {
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) driver.getCapabilities().getCapability("goog:chromeOptions");
        URI targets = URI.create("http://" + options.get("debuggerAddress") + "/json/list");
        try {
            String list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(targets).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
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
            CompletableFuture<JsonNode> reply = replies.get(message.get("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
        } else {
            events.accept(message);
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
