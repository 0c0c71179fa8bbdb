package io.proofline.accounts.web;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.AccountsException;
import io.proofline.accounts.Profiles;
import io.proofline.crypto.PersonalKey;
import io.proofline.web.LocalTimes;
import io.proofline.web.TypedText;
import jakarta.servlet.http.HttpServletRequest;

/**
 * After a password reset, a verified person's profile is locked under the old password: the personal key unlocks it
 * (sealed again under the new password, with a new personal key shown once and typed back), or, without the key,
 * the profile is deactivated and the person verifies again.
 */
@Controller
class RecoverProfileController {

    static final String PATH = "/account/recover";

    private final Profiles profiles;
    private final SignedInAccounts signedIn;

    RecoverProfileController(Profiles profiles, SignedInAccounts signedIn) {
        this.profiles = profiles;
        this.signedIn = signedIn;
    }

    @GetMapping(PATH)
    String recoverPage(HttpServletRequest request, Model model) {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        if (!profiles.awaitsRecovery(account.get())) {
            return "redirect:/verify";
        }
        model.addAttribute("signedIn", true);
        return "accounts/recover";
    }

    @PostMapping(PATH)
    String recover(@RequestParam(defaultValue = "") String personalKey, @RequestParam(defaultValue = "") String password,
            HttpServletRequest request, Locale locale, Model model) {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        model.addAttribute("signedIn", true);
        String keyProblem = TypedText.problem(personalKey, TypedText.CODE);
        String passwordProblem = TypedText.problem(password, TypedText.PASSWORD);
        if (keyProblem != null || passwordProblem != null) {
            model.addAttribute("errors", keyProblem != null ? Map.of("personalKey", keyProblem)
                    : Map.of("password", passwordProblem));
            return "accounts/recover";
        }
        try {
            PersonalKey issued = profiles.reactivate(account.get(), personalKey, password);
            // Shown in the answer to this post only; typed back on the next page.
            model.addAttribute("personalKey", issued.formatted());
            return "accounts/new-personal-key";
        } catch (AccountsException.WrongPersonalKey wrong) {
            model.addAttribute("errors", Map.of("personalKey", "recover.error.wrongKey"));
            model.addAttribute("remainingAttempts", wrong.remainingAttempts());
        } catch (AccountsException.WrongPassword wrong) {
            model.addAttribute("errors", Map.of("password", "verify.password.error.wrong"));
            model.addAttribute("passwordAttemptsRemaining", wrong.remainingAttempts());
        } catch (AccountsException.Locked locked) {
            model.addAttribute("errors", Map.of("personalKey", "recover.error.locked"));
            model.addAttribute("lockedUntil", LocalTimes.dateAndTime(locked.until(), locale));
        } catch (AccountsException.NoProfile gone) {
            return "redirect:/verify";
        }
        return "accounts/recover";
    }

    @PostMapping(PATH + "/confirm")
    String confirmNewKey(@RequestParam(defaultValue = "") String personalKey, HttpServletRequest request, Model model) {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        model.addAttribute("signedIn", true);
        String problem = TypedText.problem(personalKey, TypedText.CODE);
        try {
            if (problem == null) {
                profiles.confirmPersonalKey(account.get(), personalKey);
                return "redirect:/verify";
            }
            model.addAttribute("errors", Map.of("personalKey", problem));
        } catch (AccountsException.WrongPersonalKey | AccountsException.Locked wrong) {
            model.addAttribute("errors", Map.of("personalKey", wrong instanceof AccountsException.Locked
                    ? "recover.error.locked" : "recover.error.wrongKey"));
        }
        return "accounts/new-personal-key";
    }

    @PostMapping(PATH + "/without-key")
    String withoutKey(HttpServletRequest request) {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        profiles.deactivateAwaitingRecovery(account.get());
        return "redirect:/verify";
    }
}
