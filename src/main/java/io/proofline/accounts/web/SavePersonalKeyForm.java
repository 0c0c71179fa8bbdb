package io.proofline.accounts.web;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.AccountsException;
import io.proofline.accounts.Profiles;
import io.proofline.crypto.PersonalKey;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;
import io.proofline.web.LocalTimes;
import io.proofline.web.TypedText;

/**
 * The personal key, shown once, typed back to show it was kept. The typed key is checked against the profile's own
 * personal-key credential ({@link Profiles#confirmPersonalKey}), whether or not this browser holds the cookie, and
 * wrong keys are throttled. The first page that shows the key clears its cookie, so a reload (or another browser)
 * says the key was shown and offers a new one for the password ({@link Profiles#replacePersonalKey}), which is shown
 * once in turn.
 */
@Component
class SavePersonalKeyForm implements StepForm<SavePersonalKeyForm.TypedKey> {

    /**
     * @param personalKey the key typed back
     * @param newKey      present when the person asks for a new key instead, with their {@code password}
     */
    record TypedKey(String personalKey, String password, String newKey) {

        TypedKey {
            personalKey = personalKey == null ? "" : personalKey;
            password = password == null ? "" : password;
        }

        boolean wantsANewKey() {
            return newKey != null;
        }

        @Override
        public String toString() {
            return "TypedKey[redacted]";
        }
    }

    private final PersonalKeyCookie personalKeys;
    private final SignedInAccounts signedIn;
    private final Profiles profiles;

    SavePersonalKeyForm(PersonalKeyCookie personalKeys, SignedInAccounts signedIn, Profiles profiles) {
        this.personalKeys = personalKeys;
        this.signedIn = signedIn;
        this.profiles = profiles;
    }

    @Override
    public String stepId() {
        return Activities.SAVE_PERSONAL_KEY;
    }

    /** The key, if this browser still holds it: shown now, and the cookie cleared so that it is not shown again. */
    @Override
    public void show(StepPage page) {
        var issued = personalKeys.read(page.request(), page.journey());
        if (issued.isPresent()) {
            personalKeys.clear(page.request(), page.response());
        }
        page.with("personalKey", issued.map(PersonalKeyCookie::formatted).orElse(null));
    }

    @Override
    public StepAnswer submit(TypedKey form, Errors errors, StepPage page) {
        AccountId account = signedIn.of(page.request()).orElseThrow();
        return form.wantsANewKey() ? newKey(account, form, errors, page) : confirm(account, form, errors, page);
    }

    private StepAnswer confirm(AccountId account, TypedKey form, Errors errors, StepPage page) {
        if (!TypedText.fits(errors, "personalKey", form.personalKey(), TypedText.CODE)) {
            return StepAnswer.showAgain();
        }
        try {
            profiles.confirmPersonalKey(account, form.personalKey());
        } catch (AccountsException.WrongPersonalKey wrong) {
            errors.rejectValue("personalKey", "verify.personalKey.error");
            return StepAnswer.showAgain();
        } catch (AccountsException.Locked locked) {
            errors.rejectValue("personalKey", "verify.personalKey.error.locked");
            page.with("personalKeyLockedUntil", LocalTimes.dateAndTime(locked.until(), page.locale()));
            return StepAnswer.showAgain();
        }
        personalKeys.clear(page.request(), page.response());
        return StepAnswer.complete();
    }

    /** The password again, and a new key sealed in the cookie: the wizard's next page shows it, once. */
    private StepAnswer newKey(AccountId account, TypedKey form, Errors errors, StepPage page) {
        if (!PasswordEntry.fits(form.password(), errors)) {
            return StepAnswer.showAgain();
        }
        try {
            PersonalKey key = profiles.replacePersonalKey(account, form.password());
            personalKeys.write(page.request(), page.response(), page.journey(), key.secret());
            return new StepAnswer.RedirectTo("/verify");
        } catch (AccountsException.WrongPassword | AccountsException.Locked refused) {
            return PasswordEntry.refused(refused, errors, page);
        }
    }
}
