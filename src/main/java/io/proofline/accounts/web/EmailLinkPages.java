package io.proofline.accounts.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.proofline.accounts.AccountsException;
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

    /** The page behind a link that still works: the link's token rides along in the form. */
    static String passwordPage(PasswordPage page, String token, int minPasswordLength, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("token", token);
        model.addAttribute("minPasswordLength", minPasswordLength);
        return NEW_PASSWORD;
    }

    /**
     * The typed password checked (its length and characters), then handed to {@code complete}; empty when the page
     * is to be shown again with the field's message (refused before, or too short for {@code complete}).
     */
    static <T> Optional<T> choosePassword(PasswordPage page, String token, String password, int minPasswordLength,
            Model model, Function<String, T> complete) {
        passwordPage(page, token, minPasswordLength, model);
        String problem = TypedText.problem(password, TypedText.PASSWORD);
        if (problem != null) {
            model.addAttribute("errors", Map.of("password", problem));
            return Optional.empty();
        }
        try {
            return Optional.of(complete.apply(password));
        } catch (AccountsException.PasswordTooShort tooShort) {
            model.addAttribute("errors", Map.of("password", "accounts.error.passwordTooShort"));
            return Optional.empty();
        }
    }

    /** A link used already, expired or never sent. */
    static String linkNotUsable(Duration validity, Model model) {
        model.addAttribute("validHours", validity.toHours());
        return "accounts/link-not-usable";
    }
}
