package io.proofline.proofing.web;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.journey.Consent;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;

/** The first step: the person agrees to have their identity checked, told at once of any way a lockout pauses. */
@Component
class ConsentToProofingForm implements StepForm<Consent> {

    private final PausedPaths pausedPaths;

    ConsentToProofingForm(PausedPaths pausedPaths) {
        this.pausedPaths = pausedPaths;
    }

    @Override
    public String stepId() {
        return Activities.CONSENT_TO_PROOFING;
    }


    @Override
    public void show(StepPage page) {
        pausedPaths.addTo(page);
    }

    @Override
    public StepAnswer submit(Consent form, Errors errors, StepPage page) {
        if (!form.given()) {
            errors.rejectValue("consent", "verify.consent.error");
            return StepAnswer.showAgain();
        }
        return StepAnswer.complete();
    }
}
