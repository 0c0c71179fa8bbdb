package io.proofline.support;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

/** The emails the vendor stubs received (their request journal, which the tests turn on), as a mailbox would show them. */
public final class SentEmails {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    /** One email as the vendor received it, with its Idempotency-Key. */
    public record Sent(String to, String subject, String text, String idempotencyKey) {

        /** The first link in the text. */
        public String link() {
            Matcher link = LINK.matcher(text);
            if (!link.find()) {
                throw new AssertionError("the email \"" + subject + "\" holds no link");
            }
            return link.group();
        }

        /** The link's path and query, to follow on the service under test. */
        public String linkPath() {
            return link().replaceFirst("^https?://[^/]+", "");
        }
    }

    private SentEmails() {
    }

    /** Every email sent to {@code to}, oldest first. */
    public static List<Sent> to(WireMockServer stubs, String to) {
        List<Sent> sent = new ArrayList<>();
        for (var request : stubs.findAll(postRequestedFor(urlEqualTo("/email/v1/messages")))) {
            try {
                JsonNode message = JSON.readTree(request.getBodyAsString());
                if (to.equals(message.path("to").asText())) {
                    sent.add(new Sent(to, message.path("subject").asText(), message.path("text").asText(),
                            request.getHeader("Idempotency-Key")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sent;
    }

    /** The newest email sent to {@code to}. */
    public static Sent newestTo(WireMockServer stubs, String to) {
        List<Sent> sent = to(stubs, to);
        if (sent.isEmpty()) {
            throw new AssertionError("no email was sent to " + to);
        }
        return sent.get(sent.size() - 1);
    }
}
