package io.proofline.accounts.web;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.AccountsException;
import io.proofline.accounts.Profiles;
import io.proofline.accounts.RememberedBrowsers;
import io.proofline.accounts.SecondFactors;
import io.proofline.vault.ProofingPii;
import io.proofline.web.TypedText;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The account page, for its owner only (after both steps of sign-in): the email, the ways to sign in (renamed,
 * removed, never the last, more added), a new password, and the verified identity shown after the password is typed
 * again (the SSN masked, with a reveal that needs no script). The page itself is {@link AccountPage}; deleting the
 * account is {@link DeleteAccountController}.
 */
@Controller
class AccountController {

    static final String PATH = "/account";

    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final Profiles profiles;
    private final SignedInAccounts signedIn;
    private final RememberedBrowsers remembered;
    private final AccountPage accountPage;

    AccountController(Accounts accounts, SecondFactors secondFactors, Profiles profiles, SignedInAccounts signedIn,
            AccountPage accountPage, RememberedBrowsers remembered) {
        this.remembered = remembered;
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.profiles = profiles;
        this.signedIn = signedIn;
        this.accountPage = accountPage;
    }

    private String page(AccountId account, Locale locale, Model model) {
        return accountPage.render(account, locale, model);
    }

    @GetMapping(PATH)
    String accountPage(HttpServletRequest request, Locale locale, Model model) {
        return signedIn.of(request).map(account -> page(account, locale, model)).orElse("redirect:/sign-in");
    }

    @PostMapping(PATH + "/methods/{method}/rename")
    String rename(@PathVariable UUID method, @RequestParam(defaultValue = "") String name, HttpServletRequest request,
            Locale locale, Model model) {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        String problem = TypedText.problem(name, TypedText.NAME);
        if (problem != null) {
            model.addAttribute("errors", Map.of("name-" + method, problem));
            return page(account.get(), locale, model);
        }
        secondFactors.rename(account.get(), method, name);
        return "redirect:" + PATH + "?renamed";
    }

    @PostMapping(PATH + "/methods/{method}/remove")
    String remove(@PathVariable UUID method, HttpServletRequest request, Locale locale, Model model) {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        try {
            secondFactors.remove(account.get(), method);
        } catch (AccountsException.LastMethod last) {
            model.addAttribute("errors", Map.of("methods", "account.methods.error.last"));
            return page(account.get(), locale, model);
        }
        return "redirect:" + PATH + "?removed";
    }

    /** "Forget remembered browsers": every browser of the account asks for the second step again, this one too. */
    @PostMapping(PATH + "/remembered-browsers/forget")
    String forgetBrowsers(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        remembered.forgetAll(account.get());
        RememberedBrowserCookie.clear(request, response);
        return "redirect:" + PATH + "?browsersForgotten";
    }

    @PostMapping(PATH + "/password")
    String changePassword(@RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, HttpServletRequest request, Locale locale,
            Model model) {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        String problem = TypedText.problem(currentPassword, TypedText.PASSWORD);
        String newProblem = TypedText.problem(newPassword, TypedText.PASSWORD);
        if (problem != null || newProblem != null) {
            model.addAttribute("errors", problem != null ? Map.of("currentPassword", problem)
                    : Map.of("newPassword", newProblem));
            return page(account.get(), locale, model);
        }
        try {
            accounts.changePassword(account.get(), currentPassword, newPassword);
        } catch (AccountsException.PasswordTooShort tooShort) {
            model.addAttribute("errors", Map.of("newPassword", "accounts.error.passwordTooShort"));
            return page(account.get(), locale, model);
        } catch (AccountsException.WrongPassword | AccountsException.Locked refused) {
            model.addAttribute("errors", Map.of("currentPassword", refused instanceof AccountsException.Locked
                    ? "verify.password.error.locked" : "verify.password.error.wrong"));
            return page(account.get(), locale, model);
        }
        return "redirect:" + PATH + "?passwordChanged";
    }

    /** The verified identity, opened with the password typed again; shown in this answer only. */
    @PostMapping(PATH + "/identity")
    String showIdentity(@RequestParam(defaultValue = "") String password, HttpServletRequest request, Locale locale,
            Model model) {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        String problem = TypedText.problem(password, TypedText.PASSWORD);
        if (problem != null) {
            model.addAttribute("errors", Map.of("password", problem));
            return page(account.get(), locale, model);
        }
        try {
            ProofingPii pii = profiles.decrypt(account.get(), password);
            model.addAttribute("identity", new ShownIdentity(pii.firstName() + " " + pii.lastName(),
                    pii.street() + ", " + pii.city() + ", " + pii.state() + " " + pii.zip(),
                    pii.dateOfBirth().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)),
                    "***-**-" + pii.ssn().substring(pii.ssn().length() - 4), pii.ssn(), pii.phone()));
        } catch (AccountsException.WrongPassword | AccountsException.Locked refused) {
            model.addAttribute("errors", Map.of("password", refused instanceof AccountsException.Locked
                    ? "verify.password.error.locked" : "verify.password.error.wrong"));
        } catch (AccountsException.NoProfile none) {
            model.addAttribute("errors", Map.of("password", "account.identity.none"));
        }
        return page(account.get(), locale, model);
    }

    record ShownIdentity(String name, String address, String dateOfBirth, String maskedSsn, String ssn, String phone) {
        @Override
        public String toString() {
            return "ShownIdentity[…]";
        }
    }
}
