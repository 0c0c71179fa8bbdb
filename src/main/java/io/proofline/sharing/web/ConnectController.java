package io.proofline.sharing.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.proofline.accounts.AccountsException;
import io.proofline.accounts.SignedInSession;
import io.proofline.accounts.web.SignedInAccounts;
import io.proofline.sharing.ConsentRequests;
import io.proofline.sharing.ConsentRequests.ConsentRequest;
import io.proofline.web.LocalTimes;
import io.proofline.web.ReturnTo;
import io.proofline.web.TypedText;
import io.proofline.web.WebSecurity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages of an agency's request: the consent (the agency's name, each attribute with its value, agree or
 * decline), the password typed again when the session no longer holds the verified profile, "not verified yet" for
 * a letter still on its way, a refused request, and the way back to the agency after a sign-in.
 */
@Controller
class ConnectController {

    static final String CONSENT = "/connect/consent";
    static final String PASSWORD_AGAIN = "/connect/password";

    /** Shown in the order of Login.gov's scopes; the "verified" flags go with the value they describe. */
    private static final List<String> NOT_SHOWN = List.of("email_verified", "phone_verified");

    /** One line of the consent page. */
    record Attribute(String name, String value, String masked) {
    }

    private final SignedInAccounts signedIn;
    private final ConsentRequests requests;

    ConnectController(SignedInAccounts signedIn, ConsentRequests requests) {
        this.signedIn = signedIn;
        this.requests = requests;
    }

    @GetMapping(CONSENT)
    String consentPage(@RequestParam(name = "client_id", defaultValue = "") String clientId,
            @RequestParam(defaultValue = "") String state, HttpServletRequest request, HttpServletResponse response,
            Locale locale, Model model) {
        Optional<SignedInSession> session = signedIn.session(request);
        if (session.isEmpty()) {
            return "redirect:/sign-in";
        }
        model.addAttribute("signedIn", true);
        Optional<ConsentRequest> waiting = requests.find(session.get().account(), clientId, state,
                signedIn.heldProfile(request));
        if (waiting.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "sharing/refused";
        }
        ConsentRequest asked = waiting.get();
        // The answer is posted here and sent on to the agency: the form may lead there (CSP form-action).
        response.setHeader("Content-Security-Policy",
                WebSecurity.CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' "
                        + asked.redirectOrigin()));
        model.addAttribute("agency", asked.agency());
        model.addAttribute("clientId", asked.clientId());
        model.addAttribute("state", state);
        model.addAttribute("scopes", asked.scopes());
        model.addAttribute("verifiedIdentity", asked.verifiedIdentity());
        model.addAttribute("attributes", attributes(asked.claims(), locale));
        return "sharing/consent";
    }

    static List<Attribute> attributes(Map<String, Object> claims, Locale locale) {
        List<Attribute> shown = new ArrayList<>();
        claims.forEach((name, value) -> {
            if (NOT_SHOWN.contains(name)) {
                return;
            }
            String text = switch (name) {
                case "address" -> String.valueOf(((Map<?, ?>) value).get("formatted"));
                case "all_emails" -> String.join(", ", ((List<?>) value).stream().map(String::valueOf).toList());
                case "verified_at" -> LocalTimes.dateAndTime(Instant.ofEpochSecond(((Number) value).longValue()),
                        locale);
                default -> String.valueOf(value);
            };
            String masked = "social_security_number".equals(name) && text.length() >= 4
                    ? "•••-••-" + text.substring(text.length() - 4) : null;
            shown.add(new Attribute(name, text, masked));
        });
        return shown;
    }

    /** The names a person reads for claim names (the {@code *_verified} flags and {@code sub} left out). */
    static List<String> claimLabels(List<String> claimNames, Locale locale, MessageSource messages) {
        return claimNames.stream().filter(name -> !NOT_SHOWN.contains(name) && !"sub".equals(name))
                .map(name -> messages.getMessage("connect.claim." + name, null, name, locale)).toList();
    }

    @GetMapping(PASSWORD_AGAIN)
    String passwordPage(HttpServletRequest request, Model model) {
        if (signedIn.session(request).isEmpty()) {
            return "redirect:/sign-in";
        }
        model.addAttribute("signedIn", true);
        return "sharing/password";
    }

    @PostMapping(PASSWORD_AGAIN)
    String passwordTyped(@RequestParam(defaultValue = "") String password, HttpServletRequest request,
            Locale locale, Model model) {
        if (signedIn.session(request).isEmpty()) {
            return "redirect:/sign-in";
        }
        model.addAttribute("signedIn", true);
        String problem = TypedText.problem(password, TypedText.PASSWORD);
        if (problem != null) {
            model.addAttribute("errors", Map.of("password", problem));
            return "sharing/password";
        }
        try {
            signedIn.holdProfile(request, password);
            return "redirect:" + ReturnTo.CONTINUE;
        } catch (AccountsException.WrongPassword wrong) {
            model.addAttribute("errors", Map.of("password", "verify.password.error.wrong"));
            model.addAttribute("passwordAttemptsRemaining", wrong.remainingAttempts());
        } catch (AccountsException.Locked locked) {
            model.addAttribute("errors", Map.of("password", "verify.password.error.locked"));
            model.addAttribute("passwordLockedUntil", LocalTimes.dateAndTime(locked.until(), locale));
        } catch (AccountsException refused) {
            return "redirect:/verify"; // no readable profile any more: the wizard says why
        }
        return "sharing/password";
    }

    @GetMapping("/connect/not-yet")
    String notYetVerified(HttpServletRequest request, Model model) {
        model.addAttribute("signedIn", signedIn.of(request).isPresent());
        return "sharing/not-yet";
    }

    @GetMapping("/connect/refused")
    String refused(HttpServletRequest request, Model model) {
        model.addAttribute("signedIn", signedIn.of(request).isPresent());
        return "sharing/refused";
    }

    /**
     * Back to the agency's request after a sign-in or proofing: a page of its own that moves on by itself, so that the
     * browser goes there by a plain navigation (a form's answer may not lead to another site, CSP form-action).
     */
    @GetMapping(ReturnTo.CONTINUE)
    String continueToAgency(HttpServletRequest request, Model model) {
        Optional<String> waiting = ReturnTo.take(request);
        if (waiting.isEmpty()) {
            return "redirect:/account";
        }
        model.addAttribute("signedIn", signedIn.of(request).isPresent());
        String next = request.getContextPath() + waiting.get();
        if (DeclinedAtJourneyEnd.take(request, waiting.get())) {
            // Declined at the journey's end: the agency's answer, as the authorization endpoint gives a declined one.
            Optional<String> answer = requests.declinedAnswer(waiting.get());
            if (answer.isPresent()) {
                next = answer.get();
            }
        }
        model.addAttribute("next", next);
        model.addAttribute("redirectTo", next);
        return "sharing/continue";
    }
}
