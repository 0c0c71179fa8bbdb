package io.proofline.address.web;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.journey.Confirmation;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;
import io.proofline.vault.ProofingPii;

/** The address the letter goes to: the one the checks verified, shown before the letter is sent. */
@Component
class ConfirmLetterAddressForm implements StepForm<Confirmation> {

    private final AddressPages pages;

    ConfirmLetterAddressForm(AddressPages pages) {
        this.pages = pages;
    }

    @Override
    public String stepId() {
        return Activities.CONFIRM_LETTER_ADDRESS;
    }


    @Override
    public void show(StepPage page) {
        pages.addLetterCodeValidity(page);
        page.with("pii", pages.held(page.journey()).orElseGet(ProofingPii::empty));
    }

    @Override
    public StepAnswer submit(Confirmation form, Errors errors, StepPage page) {
        return StepAnswer.complete();
    }
}
