package io.proofline.address.web;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.accounts.AccountsException;
import io.proofline.accounts.web.PasswordEntry;
import io.proofline.accounts.web.SignedInAccounts;
import io.proofline.address.LetterVerification;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;
import io.proofline.web.LocalTimes;

/**
 * The letter's code has expired: when it did, and a new letter on request. The letter's name and address are kept
 * only in the pending profile, under the password, so the request needs the password: it opens the profile for the
 * new letter, and nothing else can.
 */
@Component
class RequestNewLetterForm implements StepForm<PasswordEntry.Password> {

    private final AddressPages pages;
    private final LetterVerification letters;
    private final SignedInAccounts signedIn;

    RequestNewLetterForm(AddressPages pages, LetterVerification letters, SignedInAccounts signedIn) {
        this.pages = pages;
        this.letters = letters;
        this.signedIn = signedIn;
    }

    @Override
    public String stepId() {
        return Activities.REQUEST_NEW_LETTER;
    }


    @Override
    public void show(StepPage page) {
        pages.addLetterCodeValidity(page);
        letters.latestCodeExpiry(page.journey())
                .ifPresent(expiry -> page.with("letterCodeExpiredAt", LocalTimes.moment(expiry, page.locale())));
    }

    /** The password is never shown again: the page re-shown with an error has an empty field. */
    @Override
    public StepAnswer submit(PasswordEntry.Password form, Errors errors, StepPage page) {
        if (!PasswordEntry.fits(form.password(), errors)) {
            return StepAnswer.showAgain();
        }
        if (form.password().isEmpty()) {
            errors.rejectValue("password", "verify.newLetter.error.password");
            return StepAnswer.showAgain();
        }
        try {
            letters.requestNewLetter(signedIn.of(page.request()).orElseThrow(), page.journey(), form.password());
            return StepAnswer.complete();
        } catch (AccountsException.WrongPassword | AccountsException.Locked refused) {
            return PasswordEntry.refused(refused, errors, page);
        }
    }
}
