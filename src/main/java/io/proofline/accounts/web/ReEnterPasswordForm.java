package io.proofline.accounts.web;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.accounts.AccountsException;
import io.proofline.accounts.Profiles;
import io.proofline.web.ReturnTo;
import io.proofline.crypto.PersonalKey;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;

/**
 * The password again, to seal the verified profile under it (the details leave the vault for good). The personal
 * key it makes is shown on the next page only ({@link PersonalKeyCookie}).
 */
@Component
class ReEnterPasswordForm implements StepForm<PasswordEntry.Password> {

    private final SignedInAccounts signedIn;
    private final Profiles profiles;
    private final PersonalKeyCookie personalKeys;

    ReEnterPasswordForm(SignedInAccounts signedIn, Profiles profiles, PersonalKeyCookie personalKeys) {
        this.signedIn = signedIn;
        this.profiles = profiles;
        this.personalKeys = personalKeys;
    }

    @Override
    public String stepId() {
        return Activities.RE_ENTER_PASSWORD;
    }


    /** The password is never shown again: the page re-shown with an error has an empty field. */
    @Override
    public StepAnswer submit(PasswordEntry.Password form, Errors errors, StepPage page) {
        if (!PasswordEntry.fits(form.password(), errors)) {
            return StepAnswer.showAgain();
        }
        try {
            PersonalKey key = ReturnTo.waitingAgencyRequest(page.request())
                    ? signedIn.sealAndHoldProfile(page.request(), page.journey(), form.password())
                    : profiles.encryptProfile(signedIn.of(page.request()).orElseThrow(), page.journey(),
                            form.password());
            personalKeys.write(page.request(), page.response(), page.journey(), key.secret());
            return StepAnswer.complete();
        } catch (AccountsException.WrongPassword | AccountsException.Locked refused) {
            return PasswordEntry.refused(refused, errors, page);
        } catch (AccountsException.DuplicateSsn duplicate) {
            errors.rejectValue("password", "verify.password.error.duplicateSsn");
        }
        return StepAnswer.showAgain();
    }
}
