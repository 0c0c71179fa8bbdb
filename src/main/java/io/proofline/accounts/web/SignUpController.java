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
import io.proofline.accounts.SignUps;
import io.proofline.web.LocalTimes;
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

    @GetMapping("/sign-up")
    String emailPage() {
        return "accounts/sign-up";
    }

    @PostMapping("/sign-up")
    String sendLink(@RequestParam(defaultValue = "") String email, Locale locale, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        model.addAttribute("email", email);
        String problem = TypedText.problem(email, TypedText.EMAIL);
        if (problem == null && !AccountPagesController.looksLikeAnEmail(email)) {
            problem = "accounts.error.email";
        }
        if (problem != null) {
            model.addAttribute("errors", Map.of("email", problem));
            return "accounts/sign-up";
        }
        SignUps.Started started = signUps.start(email, request.getRemoteAddr(), locale);
        if (started instanceof SignUps.Started.Paused paused) {
            model.addAttribute("paused", LocalTimes.dateAndTime(paused.until(), locale));
            return "accounts/sign-up";
        }
        if (started instanceof SignUps.Started.NotSent) {
            model.addAttribute("notSent", true);
            return "accounts/sign-up";
        }
        // Kept in the session for the next page only (a flash attribute), never in its address.
        redirect.addFlashAttribute("sentTo", email.strip());
        return "redirect:/sign-up/email-sent";
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
        return "accounts/choose-password";
    }

    @PostMapping("/sign-up/confirm")
    String choosePassword(@RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("token", token);
        model.addAttribute("minPasswordLength", properties.minPasswordLength());
        String problem = TypedText.problem(password, TypedText.PASSWORD);
        if (problem != null) {
            model.addAttribute("errors", Map.of("password", problem));
            return "accounts/choose-password";
        }
        SignUps.Completed completed;
        try {
            completed = signUps.complete(token, password);
        } catch (AccountsException.PasswordTooShort tooShort) {
            model.addAttribute("errors", Map.of("password", "accounts.error.passwordTooShort"));
            return "accounts/choose-password";
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
