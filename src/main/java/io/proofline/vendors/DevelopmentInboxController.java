package io.proofline.vendors;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.proofline.web.LocalTimes;

/**
 * {@code /development/inbox}: what the embedded stubs were asked to send, for a person trying the service without a
 * phone or a mailbox. The code pages link to it while it exists.
 */
@Controller
@ConditionalOnExpression(DevelopmentInbox.ENABLED)
class DevelopmentInboxController {

    static final String PATH = "/development/inbox";
    private static final Map<String, String> CHANNELS = Map.of("SMS", "development.inbox.channel.SMS",
            "VOICE", "development.inbox.channel.VOICE", "LETTER", "development.inbox.channel.LETTER", "EMAIL", "development.inbox.channel.EMAIL");

    private final DevelopmentInbox inbox;

    DevelopmentInboxController(DevelopmentInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping(PATH)
    String inbox(Locale locale, Model model) {
        model.addAttribute("deliveries", inbox.deliveries().stream()
                .map(delivery -> new Shown(LocalTimes.dateAndTime(delivery.sentAt(), locale),
                        CHANNELS.getOrDefault(delivery.channel(), "development.inbox.channel.SMS"),
                        delivery.to(), delivery.code(), "EMAIL".equals(delivery.channel())))
                .toList());
        return "development/inbox";
    }

    /**
     * @param channelKey the message key of how it was sent
     * @param email      an email, whose code is the link it carries
     */
    record Shown(String sentAt, String channelKey, String to, String code, boolean email) {
    }

    /** Every page's model knows where the inbox is, so that a code page can point to it. */
    @ControllerAdvice
    @ConditionalOnExpression(DevelopmentInbox.ENABLED)
    static class Link {

        @ModelAttribute("developmentInbox")
        String developmentInbox() {
            return PATH;
        }
    }
}
