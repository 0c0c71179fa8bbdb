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
import io.proofline.accounts.SignUps;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sign-up: the email address first (a link goes to it), the password once the link is followed. The first page
 * answers the same whether or not the address has an account; its owner learns that by email.
 */
@Controller
class SignUpController {

    private final SignUps signUps;
    private final SignedInAccounts signedIn;
    private final AccountsProperties properties;

    SignUpController(SignUps signUps, SignedInAccounts signedIn, AccountsProperties properties) {
        this.signUps = signUps;
        this.signedIn = signedIn;
        this.properties = properties;
    }

    static final EmailLinkPages.AskPage ASK = new EmailLinkPages.AskPage("signUp.title", "signUp.lead",
            "signUp.email.hint", "/sign-up", "signUp.sendLink", "/sign-in", "signUp.haveAccount");
    static final EmailLinkPages.PasswordPage CHOOSE = new EmailLinkPages.PasswordPage("signUp.choosePassword.title",
            "signUp.choosePassword.lead", "/sign-up/confirm", "signUp.choosePassword.submit");

    @GetMapping("/sign-up")
    String emailPage(Model model) {
        model.addAttribute("page", ASK);
        return EmailLinkPages.ASK;
    }

    @PostMapping("/sign-up")
    String sendLink(@RequestParam(defaultValue = "") String email, Locale locale, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        return EmailLinkPages.ask(ASK, email, locale, model, redirect,
                typed -> signUps.start(typed, request.getRemoteAddr(), locale), "/sign-up/email-sent");
    }

    @GetMapping("/sign-up/email-sent")
    String emailSent(Model model) {
        model.addAttribute("validHours", properties.emailLinkValidity().toHours());
        return "accounts/email-sent";
    }

    /** Following the link only shows the form: mail scanners that open links use nothing up. */
    @GetMapping("/sign-up/confirm")
    String passwordPage(@RequestParam(defaultValue = "") String token, Model model) {
        if (!signUps.isOpen(token)) {
            return EmailLinkPages.linkNotUsable(properties.emailLinkValidity(), model);
        }
        return EmailLinkPages.passwordPage(CHOOSE, token, properties.minPasswordLength(), model);
    }

    @PostMapping("/sign-up/confirm")
    String choosePassword(@RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<SignUps.Completed> completed = EmailLinkPages.choosePassword(CHOOSE, token, password,
                properties.minPasswordLength(), model, typed -> signUps.complete(token, typed));
        if (completed.isEmpty()) {
            return EmailLinkPages.NEW_PASSWORD;
        }
        if (completed.get() instanceof SignUps.Completed.SignedIn account) {
            signedIn.start(account.account(), account.session(), request, response);
            return "redirect:" + SecondFactorController.ADD; // the account's second method, before anything else
        }
        if (completed.get() instanceof SignUps.Completed.EmailTaken) {
            model.addAttribute("emailTaken", true);
        }
        return EmailLinkPages.linkNotUsable(properties.emailLinkValidity(), model);
    }
}
