package io.proofline.address.web;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.address.LetterVerification;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.ProcessIds.Outcome;
import io.proofline.journey.ProcessIds.Variables;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;
import io.proofline.web.LocalTimes;

/** The code from the letter, until it expires; the step records only PASS or FAIL. */
@Component
class EnterLetterCodeForm implements StepForm<TypedCode> {

    private final LetterVerification letters;

    EnterLetterCodeForm(LetterVerification letters) {
        this.letters = letters;
    }

    @Override
    public String stepId() {
        return Activities.ENTER_LETTER_CODE;
    }


    @Override
    public void show(StepPage page) {
        letters.latestCodeExpiry(page.journey())
                .ifPresent(expiry -> page.with("letterCodeExpiresAt", LocalTimes.moment(expiry, page.locale())));
    }

    @Override
    public StepAnswer submit(TypedCode form, Errors errors, StepPage page) {
        if (!form.typed(errors, "verify.letterCode.error")) {
            return StepAnswer.showAgain();
        }
        Outcome checked = letters.verify(page.journey(), form.code()) ? Outcome.PASS : Outcome.FAIL;
        return StepAnswer.complete(Variables.LETTER_CODE_CHECK, checked.name());
    }
}
