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
import io.proofline.accounts.PhoneCodeSender;
import io.proofline.accounts.RememberedBrowsers;
import io.proofline.accounts.Profiles;
import io.proofline.accounts.SecondFactors;
import io.proofline.accounts.SecondFactors.CodeCheck;
import io.proofline.web.LocalTimes;
import io.proofline.web.ReturnTo;
import io.proofline.web.TypedText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
    private final RememberedBrowsers remembered;

    SecondFactorController(SecondFactors secondFactors, SignedInAccounts signedIn, Profiles profiles,
            RememberedBrowsers remembered) {
        this.secondFactors = secondFactors;
        this.remembered = remembered;
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
    String checkSecondStep(@RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "false") boolean remember, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        Optional<SignedInAccounts.Halfway> session = signedIn.halfway(request);
        if (session.isEmpty()) {
            return SIGN_IN;
        }
        model.addAttribute("signedIn", true);
        offered(session.get(), model);
        model.addAttribute("remember", remember);
        String problem = TypedText.problem(code, TypedText.CODE);
        if (problem != null) {
            model.addAttribute("errors", Map.of("code", problem));
            return "accounts/second-factor";
        }
        CodeCheck check = secondFactors.verify(session.get().account(), session.get().session(), code);
        if (check instanceof CodeCheck.Accepted accepted) {
            if (remember) { // only here, with a code: a security key is asked for at each sign-in (RememberedBrowsers)
                RememberedBrowserCookie.write(request, response,
                        remembered.remember(session.get().account(), accepted.kind(), accepted.amr()));
            }
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
            case "PHONE" -> {
                return "redirect:" + ADD_PHONE;
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

    /** What the sign-in step offers: a security key (with JavaScript), a code (an app's, a backup code, a phone's), or both. */
    private void offered(SignedInAccounts.Halfway session, Model model) {
        Set<MethodKind> held = secondFactors.kindsHeld(session.account());
        model.addAttribute("securityKey", held.contains(MethodKind.SECURITY_KEY));
        model.addAttribute("codes", held.contains(MethodKind.AUTHENTICATION_APP) || held.contains(MethodKind.BACKUP_CODES)
                || held.contains(MethodKind.PHONE));
        model.addAttribute("phones", held.contains(MethodKind.PHONE) ? secondFactors.phones(session.account()) : List.of());
        model.addAttribute("rememberDays", remembered.validity().toDays());
    }

    // A phone: its number and how the code goes (text or voice), then the code sent to it. At sign-in, the second
    // step's page sends a code to one of the account's phones when asked (a post: a reload sends nothing).

    static final String ADD_PHONE = "/second-factor/phone";

    @GetMapping(ADD_PHONE)
    String phonePage(HttpServletRequest request, Model model) {
        if (!mayAdd(request)) {
            return SIGN_IN;
        }
        model.addAttribute("signedIn", true);
        return "accounts/add-phone";
    }

    @PostMapping(ADD_PHONE)
    String addPhone(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "SMS") String channel,
            HttpServletRequest request, Locale locale, Model model) {
        if (!mayAdd(request)) {
            return SIGN_IN;
        }
        model.addAttribute("signedIn", true);
        model.addAttribute("phone", phone);
        String problem = TypedText.problem(phone, TypedText.NAME);
        if (problem != null) {
            model.addAttribute("errors", Map.of("phone", problem));
            return "accounts/add-phone";
        }
        SecondFactors.PhoneSend sent = secondFactors.beginPhone(signedIn.halfway(request).orElseThrow().account(),
                phone, channel(channel));
        if (sent instanceof SecondFactors.PhoneSend.Sent done) {
            return "redirect:" + ADD_PHONE + "/" + done.method();
        }
        notSent(sent, "phone", locale, model);
        return "accounts/add-phone";
    }

    @GetMapping(ADD_PHONE + "/{method}")
    String phoneCodePage(@PathVariable UUID method, HttpServletRequest request, Model model) {
        if (!mayAdd(request)) {
            return SIGN_IN;
        }
        return showPhone(method, request, model) ? "accounts/add-phone-code" : "redirect:" + ADD_PHONE;
    }

    /** Another code to the phone being added (by voice, say, when no text came). */
    @PostMapping(ADD_PHONE + "/{method}/send")
    String resendToNewPhone(@PathVariable UUID method, @RequestParam(defaultValue = "SMS") String channel,
            HttpServletRequest request, Locale locale, Model model) {
        if (!mayAdd(request) || !showPhone(method, request, model)) {
            return SIGN_IN;
        }
        SecondFactors.PhoneSend sent = secondFactors.resendToPhoneBeingAdded(
                signedIn.halfway(request).orElseThrow().account(), method, channel(channel));
        if (sent instanceof SecondFactors.PhoneSend.Sent) {
            model.addAttribute("resent", true);
        } else {
            notSent(sent, "code", locale, model);
        }
        return "accounts/add-phone-code";
    }

    @PostMapping(ADD_PHONE + "/{method}")
    String confirmPhone(@PathVariable UUID method, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, Locale locale, Model model) {
        if (!mayAdd(request) || !showPhone(method, request, model)) {
            return SIGN_IN;
        }
        String problem = TypedText.problem(code, TypedText.CODE);
        if (problem != null) {
            model.addAttribute("errors", Map.of("code", problem));
            return "accounts/add-phone-code";
        }
        SignedInAccounts.Halfway session = signedIn.halfway(request).orElseThrow();
        boolean first = !secondFactors.hasAny(session.account());
        CodeCheck check = secondFactors.confirmPhone(session.account(), session.session(), method, code, "");
        if (check instanceof CodeCheck.Accepted) {
            signedIn.forget(request);
            return first ? afterSignIn(session.account(), request) : "redirect:" + AccountController.PATH;
        }
        refused(check, locale, model);
        return "accounts/add-phone-code";
    }

    private boolean showPhone(UUID method, HttpServletRequest request, Model model) {
        Optional<String> ending = secondFactors.phoneBeingAdded(signedIn.halfway(request).orElseThrow().account(), method);
        ending.ifPresent(found -> {
            model.addAttribute("method", method);
            model.addAttribute("ending", found);
        });
        model.addAttribute("signedIn", true);
        return ending.isPresent();
    }

    /** The sign-in step's "send a code" to one of the account's phones. */
    @PostMapping(SIGN_IN_STEP + "/phone/{method}")
    String sendSignInCode(@PathVariable UUID method, @RequestParam(defaultValue = "SMS") String channel,
            HttpServletRequest request, Locale locale, Model model) {
        Optional<SignedInAccounts.Halfway> session = signedIn.halfway(request);
        if (session.isEmpty()) {
            return SIGN_IN;
        }
        if (session.get().assurance().atLeast(Assurance.AAL2)) {
            return afterSignIn(session.get().account(), request);
        }
        model.addAttribute("signedIn", true);
        offered(session.get(), model);
        SecondFactors.PhoneSend sent = secondFactors.sendSignInCode(session.get().account(), method, channel(channel));
        if (sent instanceof SecondFactors.PhoneSend.Sent done) {
            model.addAttribute("sentTo", done.ending());
        } else {
            notSent(sent, "code", locale, model);
        }
        return "accounts/second-factor";
    }

    private static PhoneCodeSender.Channel channel(String typed) {
        return "VOICE".equals(typed) ? PhoneCodeSender.Channel.VOICE : PhoneCodeSender.Channel.SMS;
    }

    private static void notSent(SecondFactors.PhoneSend sent, String field, Locale locale, Model model) {
        if (sent instanceof SecondFactors.PhoneSend.Paused paused) {
            model.addAttribute("errors", Map.of(field, "phoneMethod.error.sendsPaused"));
            model.addAttribute("sendsPausedUntil", LocalTimes.dateAndTime(paused.until(), locale));
        } else if (sent instanceof SecondFactors.PhoneSend.NotANumber) {
            model.addAttribute("errors", Map.of(field, "phoneMethod.error.number"));
        } else if (sent instanceof SecondFactors.PhoneSend.AlreadyAdded) {
            model.addAttribute("errors", Map.of(field, "phoneMethod.error.alreadyAdded"));
        } else {
            model.addAttribute("errors", Map.of(field, "phoneMethod.error.notSent"));
        }
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
