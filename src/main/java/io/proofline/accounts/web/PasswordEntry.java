package io.proofline.accounts.web;

import org.springframework.validation.Errors;

import io.proofline.accounts.AccountsException;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepPage;
import io.proofline.web.LocalTimes;
import io.proofline.web.TypedText;

/**
 * The password typed again inside a wizard step (to seal the profile, to open it for a new letter, for a new
 * personal key): its form, its field check, and what a refused one shows. The page's part is
 * {@code verify/parts :: password-entry}.
 */
public final class PasswordEntry {

    private PasswordEntry() {
    }

    /** A step's form that is the password alone. */
    public record Password(String password) {

        public Password {
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "Password[redacted]";
        }
    }

    /** Its length and characters, before anything derives or looks anything up. */
    public static boolean fits(String password, Errors errors) {
        return TypedText.fits(errors, "password", password, TypedText.PASSWORD);
    }

    /**
     * The page again with the field's message, never the password: how many tries are left after a wrong one, until
     * when after too many.
     */
    public static StepAnswer refused(AccountsException refusal, Errors errors, StepPage page) {
        if (refusal instanceof AccountsException.WrongPassword wrong) {
            errors.rejectValue("password", "verify.password.error.wrong");
            page.with("passwordAttemptsRemaining", wrong.remainingAttempts());
        } else if (refusal instanceof AccountsException.Locked locked) {
            errors.rejectValue("password", "verify.password.error.locked");
            page.with("passwordLockedUntil", LocalTimes.dateAndTime(locked.until(), page.locale()));
        } else {
            throw refusal;
        }
        return StepAnswer.showAgain();
    }
}
