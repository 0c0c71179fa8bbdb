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
import io.proofline.accounts.LinkRequest;
import io.proofline.accounts.SignUps;
import io.proofline.web.TypedText;
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
            return linkNotUsable(model);
        }
        model.addAttribute("token", token);
        model.addAttribute("minPasswordLength", properties.minPasswordLength());
        model.addAttribute("page", CHOOSE);
        return EmailLinkPages.NEW_PASSWORD;
    }

    @PostMapping("/sign-up/confirm")
    String choosePassword(@RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("token", token);
        model.addAttribute("minPasswordLength", properties.minPasswordLength());
        model.addAttribute("page", CHOOSE);
        String problem = TypedText.problem(password, TypedText.PASSWORD);
        if (problem != null) {
            model.addAttribute("errors", Map.of("password", problem));
            return EmailLinkPages.NEW_PASSWORD;
        }
        SignUps.Completed completed;
        try {
            completed = signUps.complete(token, password);
        } catch (AccountsException.PasswordTooShort tooShort) {
            model.addAttribute("errors", Map.of("password", "accounts.error.passwordTooShort"));
            return EmailLinkPages.NEW_PASSWORD;
        }
        if (completed instanceof SignUps.Completed.SignedIn account) {
            signedIn.start(account.account(), account.session(), request, response);
            return "redirect:" + SecondFactorController.ADD; // the account's second method, before anything else
        }
        if (completed instanceof SignUps.Completed.EmailTaken) {
            model.addAttribute("emailTaken", true);
        }
        return linkNotUsable(model);
    }

    private String linkNotUsable(Model model) {
        model.addAttribute("validHours", properties.emailLinkValidity().toHours());
        return "accounts/link-not-usable";
    }
}
