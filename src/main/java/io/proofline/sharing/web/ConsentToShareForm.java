package io.proofline.sharing.web;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.journey.Consent;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;

/** The last step: the person agrees to share their verified details with the agency (seed 004: explicit consent). */
@Component
class ConsentToShareForm implements StepForm<Consent> {

    @Override
    public String stepId() {
        return Activities.CONSENT_TO_SHARE;
    }


    @Override
    public StepAnswer submit(Consent form, Errors errors, StepPage page) {
        if (!form.given()) {
            errors.rejectValue("consent", "verify.share.error");
            return StepAnswer.showAgain();
        }
        return StepAnswer.complete();
    }
}
