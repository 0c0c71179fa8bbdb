package io.proofline.address.web;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.address.LetterVerification;
import io.proofline.journey.Confirmation;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;
import io.proofline.web.LocalTimes;

/** The letter's code has expired: when it did, and a new letter on request. */
@Component
class RequestNewLetterForm implements StepForm<Confirmation> {

    private final AddressPages pages;
    private final LetterVerification letters;

    RequestNewLetterForm(AddressPages pages, LetterVerification letters) {
        this.pages = pages;
        this.letters = letters;
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

    @Override
    public StepAnswer submit(Confirmation form, Errors errors, StepPage page) {
        return StepAnswer.complete();
    }
}
