package io.proofline.resolution.web;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;
import io.proofline.resolution.web.Details.Ssn;
import io.proofline.vault.PiiVault;

/** After the ID's photos: the Social Security number, sealed in the vault for identity resolution. */
@Component
class EnterSsnForm implements StepForm<Ssn> {

    private final DetailsValidator validator;
    private final PiiVault vault;

    EnterSsnForm(DetailsValidator validator, PiiVault vault) {
        this.validator = validator;
        this.vault = vault;
    }

    @Override
    public String stepId() {
        return Activities.ENTER_SSN;
    }


    @Override
    public StepAnswer submit(Ssn form, Errors errors, StepPage page) {
        validator.validate(form, errors);
        if (errors.hasErrors()) {
            return StepAnswer.showAgain();
        }
        vault.update(page.journey(), pii -> pii.withSsn(Details.normalizedSsn(form.ssn())));
        return StepAnswer.complete();
    }
}
