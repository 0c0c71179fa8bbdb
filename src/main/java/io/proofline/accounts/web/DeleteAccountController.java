package io.proofline.accounts.web;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import io.proofline.accounts.AccountDeletions;
import io.proofline.accounts.AccountId;
import io.proofline.accounts.AccountsException;
import io.proofline.web.LocalTimes;
import io.proofline.web.TypedText;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Deleting the account, from the bottom of the account page, with the password typed again; then a page that says
 * it is done, signed out.
 */
@Controller
class DeleteAccountController {

    static final String PATH = AccountController.PATH + "/delete";
    static final String DELETED = AccountController.PATH + "/deleted";

    private final AccountDeletions deletions;
    private final SignedInAccounts signedIn;
    private final AccountPage accountPage;

    DeleteAccountController(AccountDeletions deletions, SignedInAccounts signedIn, AccountPage accountPage) {
        this.deletions = deletions;
        this.signedIn = signedIn;
        this.accountPage = accountPage;
    }

    /** The password, under a name of its own: the identity's form on the same page has a password field too. */
    record DeleteAccountForm(String deletePassword) {

        DeleteAccountForm {
            deletePassword = deletePassword == null ? "" : deletePassword;
        }

        @Override
        public String toString() {
            return "DeleteAccountForm[redacted]";
        }
    }

    @PostMapping(PATH)
    String delete(@ModelAttribute DeleteAccountForm form, HttpServletRequest request, Locale locale, Model model) {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return "redirect:/sign-in";
        }
        String problem = TypedText.problem(form.deletePassword(), TypedText.PASSWORD);
        if (problem != null) {
            return again(account.get(), problem, locale, model);
        }
        try {
            deletions.delete(account.get(), form.deletePassword());
        } catch (AccountsException.WrongPassword wrong) {
            model.addAttribute("deleteAttemptsRemaining", wrong.remainingAttempts());
            return again(account.get(), "account.delete.error.wrong", locale, model);
        } catch (AccountsException.Locked locked) {
            model.addAttribute("deleteLockedUntil", LocalTimes.moment(locked.until(), locale));
            return again(account.get(), "account.delete.error.locked", locale, model);
        }
        // The account's sessions are gone with it; this browser's web session goes too, so nothing of it is left.
        signedIn.signOut(request);
        return "redirect:" + DELETED;
    }

    private String again(AccountId account, String error, Locale locale, Model model) {
        model.addAttribute("errors", Map.of("deletePassword", error));
        return accountPage.render(account, locale, model);
    }

    @GetMapping(DELETED)
    String deleted() {
        return "accounts/deleted";
    }
}
