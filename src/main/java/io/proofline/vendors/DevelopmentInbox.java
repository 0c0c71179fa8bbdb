package io.proofline.vendors;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The embedded default's stand-in for a phone and a mailbox: the one-time codes, letter codes and email links that the
 * in-process stubs received, so that a person trying the service can read them ({@code /development/inbox}). Only the code, how
 * it went and the phone's last two digits are kept (no name, address or number), in memory, the newest
 * {@value #KEPT} only. It exists only with the embedded stubs and {@code proofline.development-inbox.enabled}
 * (off in the postgres profile).
 */
@Component
@ConditionalOnExpression(DevelopmentInbox.ENABLED)
class DevelopmentInbox {

    static final String ENABLED = "${proofline.vendor-stubs.embedded:false} and ${proofline.development-inbox.enabled:false}";
    static final int KEPT = 20;
    static final String TEXTS = "/telephony/v1/messages";
    static final String LETTERS = "/usps/v1/letters";
    static final String EMAILS = "/email/v1/messages";
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    /**
     * One text, call, letter or email. {@code to} is a hint only: the phone's last two digits, blank for a letter or an
     * email. {@code code} is the code sent, or for an email the link it carries (blank if none).
     */
    public record Delivery(Instant sentAt, String channel, String to, String code) {
    }

    private final Deque<Delivery> deliveries = new ArrayDeque<>();
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    DevelopmentInbox(Clock clock) {
        this.clock = clock;
    }

    /** Newest first. */
    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Registered with the stub server: sees each request once it has been answered. */
    ServeEventListener listener() {
        return new ServeEventListener() {
            @Override
            public void afterComplete(ServeEvent event, Parameters parameters) {
                received(event.getRequest().getUrl(), event.getRequest().getBodyAsString(),
                        event.getResponse().getStatus());
            }

            @Override
            public String getName() {
                return "proofline-development-inbox";
            }
        };
    }

    void received(String path, String body, int status) {
        if (status >= 300 || !(TEXTS.equals(path) || LETTERS.equals(path) || EMAILS.equals(path))) {
            return; // refused or failed: nothing was sent
        }
        try {
            JsonNode request = json.readTree(body);
            if (EMAILS.equals(path)) {
                Matcher link = LINK.matcher(request.path("text").asText(""));
                record(new Delivery(clock.instant(), "EMAIL", "", link.find() ? link.group() : ""));
                return;
            }
            if (!request.hasNonNull("code")) {
                return;
            }
            String to = request.path("to").asText("");
            record(new Delivery(clock.instant(), TEXTS.equals(path) ? request.path("channel").asText("SMS") : "LETTER",
                    to.length() >= 2 ? to.substring(to.length() - 2) : "", request.get("code").asText()));
        } catch (IOException notJson) {
            // not a request the stubs would answer either
        }
    }

    private synchronized void record(Delivery delivery) {
        deliveries.addFirst(delivery);
        while (deliveries.size() > KEPT) {
            deliveries.removeLast();
        }
    }
}
