package io.proofline.accounts.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.proofline.accounts.AccountsException;
import io.proofline.accounts.AccountsProperties;
import io.proofline.accounts.PasswordResets;
import io.proofline.web.TypedText;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A forgotten password: the email (a link goes to it; the page answers the same whether or not the address has an
 * account), then the new password behind the link, then a sign-in with it.
 */
@Controller
class PasswordResetController {

    private final PasswordResets resets;
    private final AccountsProperties properties;

    PasswordResetController(PasswordResets resets, AccountsProperties properties) {
        this.resets = resets;
        this.properties = properties;
    }

    static final EmailLinkPages.AskPage ASK = new EmailLinkPages.AskPage("forgot.title", "forgot.lead", null,
            "/forgot-password", "forgot.submit", "/sign-in", "signIn.title");
    static final EmailLinkPages.PasswordPage RESET = new EmailLinkPages.PasswordPage("reset.title", "reset.lead",
            "/forgot-password/reset", "reset.submit");

    @GetMapping("/forgot-password")
    String emailPage(Model model) {
        model.addAttribute("page", ASK);
        return EmailLinkPages.ASK;
    }

    @PostMapping("/forgot-password")
    String sendLink(@RequestParam(defaultValue = "") String email, Locale locale, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        return EmailLinkPages.ask(ASK, email, locale, model, redirect,
                typed -> resets.start(typed, request.getRemoteAddr(), locale), "/forgot-password/email-sent");
    }

    @GetMapping("/forgot-password/email-sent")
    String emailSent(Model model) {
        model.addAttribute("validHours", properties.emailLinkValidity().toHours());
        model.addAttribute("askAgain", "/forgot-password");
        return "accounts/email-sent";
    }

    @GetMapping("/forgot-password/reset")
    String passwordPage(@RequestParam(defaultValue = "") String token, Model model) {
        if (!resets.isOpen(token)) {
            return linkNotUsable(model);
        }
        model.addAttribute("token", token);
        model.addAttribute("minPasswordLength", properties.minPasswordLength());
        model.addAttribute("page", RESET);
        return EmailLinkPages.NEW_PASSWORD;
    }

    @PostMapping("/forgot-password/reset")
    String choosePassword(@RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("minPasswordLength", properties.minPasswordLength());
        model.addAttribute("page", RESET);
        String problem = TypedText.problem(password, TypedText.PASSWORD);
        if (problem != null) {
            model.addAttribute("errors", Map.of("password", problem));
            return EmailLinkPages.NEW_PASSWORD;
        }
        PasswordResets.Completed completed;
        try {
            completed = resets.complete(token, password);
        } catch (AccountsException.PasswordTooShort tooShort) {
            model.addAttribute("errors", Map.of("password", "accounts.error.passwordTooShort"));
            return EmailLinkPages.NEW_PASSWORD;
        }
        if (completed instanceof PasswordResets.Completed.Reset) {
            return "redirect:/sign-in?passwordReset";
        }
        return linkNotUsable(model);
    }

    private String linkNotUsable(Model model) {
        model.addAttribute("validHours", properties.emailLinkValidity().toHours());
        return "accounts/link-not-usable";
    }
}
