package io.proofline.accounts.web;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.proofline.accounts.LinkRequest;
import io.proofline.web.LocalTimes;
import io.proofline.web.TypedText;

/**
 * What the pages around a link sent by email share (sign-up's and a forgotten password's): the page that asks for
 * the address ({@code accounts/ask-for-link}) and the one behind the link where the password is chosen
 * ({@code accounts/new-password}), each told its texts and where it posts.
 */
final class EmailLinkPages {

    /** The page asking for the address. {@code hintKey} may be null. */
    record AskPage(String titleKey, String leadKey, String hintKey, String action, String submitKey, String otherPath,
            String otherKey) {
    }

    /** The page behind the link. */
    record PasswordPage(String titleKey, String leadKey, String action, String submitKey) {
    }

    static final String ASK = "accounts/ask-for-link";
    static final String NEW_PASSWORD = "accounts/new-password";

    private EmailLinkPages() {
    }

    /**
     * The address checked (its length and characters, then its shape), the link asked for, and the answer: the
     * "check your email" page ({@code sentPath}, the address kept for it in the session only), or this page again.
     */
    static String ask(AskPage page, String email, Locale locale, Model model, RedirectAttributes redirect,
            Function<String, LinkRequest> start, String sentPath) {
        model.addAttribute("page", page);
        model.addAttribute("email", email);
        String problem = TypedText.problem(email, TypedText.EMAIL);
        if (problem == null && !AccountPagesController.looksLikeAnEmail(email)) {
            problem = "accounts.error.email";
        }
        if (problem != null) {
            model.addAttribute("errors", Map.of("email", problem));
            return ASK;
        }
        LinkRequest asked = start.apply(email);
        if (asked instanceof LinkRequest.Paused paused) {
            model.addAttribute("paused", LocalTimes.dateAndTime(paused.until(), locale));
            return ASK;
        }
        if (asked instanceof LinkRequest.NotSent) {
            model.addAttribute("notSent", true);
            return ASK;
        }
        redirect.addFlashAttribute("sentTo", email.strip());
        return "redirect:" + sentPath;
    }
}
