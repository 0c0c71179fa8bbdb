package io.proofline.accounts.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.proofline.accounts.Accounts;
import io.proofline.accounts.RememberedBrowsers;
import io.proofline.accounts.SecondFactors;
import io.proofline.accounts.SignInResult;
import io.proofline.web.ReturnTo;
import io.proofline.web.LocalTimes;
import io.proofline.web.TypedText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Sign in (sign-out is Spring Security's; sign-up is {@link SignUpController}). Errors say what to do next; the password is never echoed back. */
@Controller
class AccountPagesController {

    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final SignedInAccounts signedIn;
    private final RememberedBrowsers remembered;

    AccountPagesController(Accounts accounts, SecondFactors secondFactors, SignedInAccounts signedIn,
            RememberedBrowsers remembered) {
        this.accounts = accounts;
        this.remembered = remembered;
        this.secondFactors = secondFactors;
        this.signedIn = signedIn;
    }

    /** Between the password and the second method, the sign-in page is the second step. */
    @GetMapping("/sign-in")
    String signInPage(HttpServletRequest request, Model model) {
        if (signedIn.halfway(request).isPresent()) {
            return "redirect:" + SecondFactorController.SIGN_IN_STEP;
        }
        // The browser still sends a session the server no longer has (it timed out, or Redis was lost): say why.
        model.addAttribute("sessionExpired", request.getRequestedSessionId() != null
                && !request.isRequestedSessionIdValid() && request.getParameter("sessionEnded") == null);
        return "accounts/sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
            Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("email", email);
        Map<String, String> untyped = untypedFields(email, password);
        if (!untyped.isEmpty()) {
            model.addAttribute("errors", untyped); // no account has such an email or password: nothing to count
            return "accounts/sign-in";
        }
        // The client is the remote address, which a trusted proxy's X-Forwarded-For sets where one is configured.
        SignInResult result = accounts.signIn(email.strip(), password, request.getRemoteAddr(),
                ReturnTo.waitingAgencyRequest(request));
        if (result instanceof SignInResult.SignedIn session) {
            signedIn.start(session.account(), session.session(), request, response);
            // A browser remembered at an earlier sign-in (and still valid) stands for the second step; the second
            // step's page then sees a full sign-in and goes on.
            if (RememberedBrowserCookie.read(request).filter(token -> remembered.recognize(session.account(),
                    session.session(), token)).isPresent()) {
                signedIn.forget(request);
                return "redirect:" + SecondFactorController.SIGN_IN_STEP;
            }
            // The password is one step of two: every account holds a second method (one made before it had any
            // adds it now).
            return "redirect:" + (secondFactors.hasAny(session.account()) ? SecondFactorController.SIGN_IN_STEP
                    : SecondFactorController.ADD);
        }
        if (result instanceof SignInResult.Locked locked) {
            model.addAttribute("lockedUntil", LocalTimes.dateAndTime(locked.until(), locale));
        } else if (result instanceof SignInResult.Rejected rejected) {
            model.addAttribute("remainingAttempts", rejected.remainingAttempts());
        }
        return "accounts/sign-in";
    }

    /** Oversized or control characters: refused before anything derives, seals or looks up. */
    static Map<String, String> untypedFields(String email, String password) {
        Map<String, String> errors = new LinkedHashMap<>();
        String emailProblem = TypedText.problem(email, TypedText.EMAIL);
        if (emailProblem != null) {
            errors.put("email", emailProblem);
        }
        String passwordProblem = TypedText.problem(password, TypedText.PASSWORD);
        if (passwordProblem != null) {
            errors.put("password", passwordProblem);
        }
        return errors;
    }

    static boolean looksLikeAnEmail(String email) {
        String trimmed = email.strip();
        int at = trimmed.indexOf('@');
        return at > 0 && at < trimmed.length() - 1 && !trimmed.contains(" ");
    }
}
