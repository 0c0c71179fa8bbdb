package io.proofline.accounts.web;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.proofline.accounts.AccountsProperties;
import io.proofline.accounts.PasswordResets;
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
            return EmailLinkPages.linkNotUsable(properties.emailLinkValidity(), model);
        }
        return EmailLinkPages.passwordPage(RESET, token, properties.minPasswordLength(), model);
    }

    @PostMapping("/forgot-password/reset")
    String choosePassword(@RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password, Model model) {
        Optional<PasswordResets.Completed> completed = EmailLinkPages.choosePassword(RESET, token, password,
                properties.minPasswordLength(), model, typed -> resets.complete(token, typed));
        if (completed.isEmpty()) {
            return EmailLinkPages.NEW_PASSWORD;
        }
        if (completed.get() instanceof PasswordResets.Completed.Reset) {
            return "redirect:/sign-in?passwordReset";
        }
        return EmailLinkPages.linkNotUsable(properties.emailLinkValidity(), model);
    }
}
