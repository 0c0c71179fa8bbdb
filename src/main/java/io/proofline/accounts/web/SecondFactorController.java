package io.proofline.accounts.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Assurance;
import io.proofline.accounts.MethodKind;
import io.proofline.accounts.Profiles;
import io.proofline.accounts.SecondFactors;
import io.proofline.accounts.SecondFactors.CodeCheck;
import io.proofline.web.LocalTimes;
import io.proofline.web.ReturnTo;
import io.proofline.web.TypedText;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The second step of a sign-in, and adding a second method: the one a new account must add before anything else, and
 * more later. Adding one to an account that has any needs a full sign-in (both steps).
 */
@Controller
class SecondFactorController {

    static final String SIGN_IN_STEP = "/sign-in/second-factor";
    static final String ADD = "/second-factor/new";
    static final String AFTER = "redirect:/verify";
    private static final String SIGN_IN = "redirect:/sign-in";

    private final SecondFactors secondFactors;
    private final SignedInAccounts signedIn;
    private final Profiles profiles;

    SecondFactorController(SecondFactors secondFactors, SignedInAccounts signedIn, Profiles profiles) {
        this.secondFactors = secondFactors;
        this.signedIn = signedIn;
        this.profiles = profiles;
    }

    /**
     * Past both steps: a profile locked by a password reset asks for its personal key first; then back to the agency
     * whose request found the person signed out, if one did.
     */
    private String afterSignIn(AccountId account, HttpServletRequest request) {
        if (profiles.awaitsRecovery(account)) {
            return "redirect:" + RecoverProfileController.PATH;
        }
        return ReturnTo.waitingAgencyRequest(request) ? "redirect:" + ReturnTo.CONTINUE : AFTER;
    }

    @GetMapping(SIGN_IN_STEP)
    String secondStep(HttpServletRequest request, Model model) {
        Optional<SignedInAccounts.Halfway> session = signedIn.halfway(request);
        if (session.isEmpty()) {
            return SIGN_IN;
        }
        if (session.get().assurance().atLeast(Assurance.AAL2)) {
            return afterSignIn(session.get().account(), request);
        }
        if (!secondFactors.hasAny(session.get().account())) {
            return "redirect:" + ADD;
        }
        model.addAttribute("signedIn", true);
        offered(session.get(), model);
        return "accounts/second-factor";
    }

    @PostMapping(SIGN_IN_STEP)
    String checkSecondStep(@RequestParam(defaultValue = "") String code, HttpServletRequest request, Locale locale,
            Model model) {
        Optional<SignedInAccounts.Halfway> session = signedIn.halfway(request);
        if (session.isEmpty()) {
            return SIGN_IN;
        }
        model.addAttribute("signedIn", true);
        offered(session.get(), model);
        String problem = TypedText.problem(code, TypedText.CODE);
        if (problem != null) {
            model.addAttribute("errors", Map.of("code", problem));
            return "accounts/second-factor";
        }
        CodeCheck check = secondFactors.verify(session.get().account(), session.get().session(), code);
        if (check instanceof CodeCheck.Accepted) {
            signedIn.forget(request);
            return afterSignIn(session.get().account(), request);
        }
        refused(check, locale, model);
        return "accounts/second-factor";
    }

    /** Which kind to add. */
    @GetMapping(ADD)
    String chooseKind(HttpServletRequest request, Model model) {
        if (!mayAdd(request)) {
            return SIGN_IN;
        }
        model.addAttribute("signedIn", true);
        model.addAttribute("first", !secondFactors.hasAny(signedIn.halfway(request).orElseThrow().account()));
        return "accounts/add-second-factor";
    }

    @PostMapping(ADD)
    String addKind(@RequestParam(defaultValue = "") String kind, HttpServletRequest request, Model model) {
        if (!mayAdd(request)) {
            return SIGN_IN;
        }
        SignedInAccounts.Halfway session = signedIn.halfway(request).orElseThrow();
        model.addAttribute("signedIn", true);
        switch (kind) {
            case "AUTHENTICATION_APP" -> {
                return "redirect:/second-factor/app/" + secondFactors.beginApp(session.account()).method();
            }
            case "SECURITY_KEY" -> {
                return "redirect:" + SecurityKeyController.ADD;
            }
            case "BACKUP_CODES" -> {
                // Shown in the answer to this post only: a reload does not show them again.
                model.addAttribute("continueTo", secondFactors.hasAny(session.account()) ? AccountController.PATH
                        : ReturnTo.waitingAgencyRequest(request) ? ReturnTo.CONTINUE : "/verify");
                List<String> codes = secondFactors.addBackupCodes(session.account(), session.session());
                signedIn.forget(request);
                model.addAttribute("codes", codes);
                return "accounts/backup-codes";
            }
            default -> {
                model.addAttribute("first", !secondFactors.hasAny(session.account()));
                model.addAttribute("errors", Map.of("kind", "secondFactor.add.error.kind"));
                return "accounts/add-second-factor";
            }
        }
    }

    @GetMapping("/second-factor/app/{method}")
    String appPage(@PathVariable UUID method, HttpServletRequest request, Model model) {
        if (!mayAdd(request)) {
            return SIGN_IN;
        }
        return showApp(method, request, model) ? "accounts/add-app" : "redirect:" + ADD;
    }

    @PostMapping("/second-factor/app/{method}")
    String confirmApp(@PathVariable UUID method, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String name, HttpServletRequest request, Locale locale, Model model) {
        if (!mayAdd(request) || !showApp(method, request, model)) {
            return SIGN_IN;
        }
        model.addAttribute("name", name);
        String codeProblem = TypedText.problem(code, TypedText.CODE);
        String nameProblem = TypedText.problem(name, TypedText.NAME);
        if (codeProblem != null || nameProblem != null) {
            model.addAttribute("errors", codeProblem != null ? Map.of("code", codeProblem) : Map.of("name", nameProblem));
            return "accounts/add-app";
        }
        SignedInAccounts.Halfway session = signedIn.halfway(request).orElseThrow();
        boolean first = !secondFactors.hasAny(session.account());
        CodeCheck check = secondFactors.confirmApp(session.account(), session.session(), method, code, name);
        if (check instanceof CodeCheck.Accepted) {
            signedIn.forget(request);
            return first ? afterSignIn(session.account(), request) : "redirect:" + AccountController.PATH; // added from the account page: back to it
        }
        refused(check, locale, model);
        return "accounts/add-app";
    }

    private boolean showApp(UUID method, HttpServletRequest request, Model model) {
        Optional<SecondFactors.AppBeingAdded> app = secondFactors.appBeingAdded(signedIn.halfway(request).orElseThrow()
                .account(), method);
        app.ifPresent(shown -> model.addAttribute("app", shown));
        model.addAttribute("signedIn", true);
        return app.isPresent();
    }

    /** What the sign-in step offers: a security key (with JavaScript), a code, or both. */
    private void offered(SignedInAccounts.Halfway session, Model model) {
        Set<MethodKind> held = secondFactors.kindsHeld(session.account());
        model.addAttribute("securityKey", held.contains(MethodKind.SECURITY_KEY));
        model.addAttribute("codes", held.contains(MethodKind.AUTHENTICATION_APP) || held.contains(MethodKind.BACKUP_CODES));
    }

    /** A new account adds its first method after the password; an account that has one, after a full sign-in. */
    private boolean mayAdd(HttpServletRequest request) {
        return signedIn.halfway(request).filter(session -> session.assurance().atLeast(Assurance.AAL2)
                || !secondFactors.hasAny(session.account())).isPresent();
    }

    private static void refused(CodeCheck check, Locale locale, Model model) {
        if (check instanceof CodeCheck.Paused paused) {
            model.addAttribute("errors", Map.of("code", "secondFactor.error.paused"));
            model.addAttribute("pausedUntil", LocalTimes.dateAndTime(paused.until(), locale));
        } else if (check instanceof CodeCheck.Wrong wrong) {
            model.addAttribute("errors", Map.of("code", "secondFactor.error.wrong"));
            model.addAttribute("remainingAttempts", wrong.remainingAttempts());
        }
    }
}
