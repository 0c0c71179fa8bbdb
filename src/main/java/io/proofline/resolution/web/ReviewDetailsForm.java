package io.proofline.resolution.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.journey.FailureReason;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;
import io.proofline.resolution.DmvFailure;
import io.proofline.resolution.ResolutionFailure;
import io.proofline.resolution.web.Details.ReviewedDetails;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;

/**
 * The details identity resolution will check, before it does: the name and date of birth come from the ID and
 * cannot be changed here; the address and the SSN can. Shown again, with advice, when a check refused them.
 */
@Component
class ReviewDetailsForm implements StepForm<ReviewedDetails> {

    private final DetailsValidator validator;
    private final PiiVault vault;

    ReviewDetailsForm(DetailsValidator validator, PiiVault vault) {
        this.validator = validator;
        this.vault = vault;
    }

    @Override
    public String stepId() {
        return Activities.REVIEW_DETAILS;
    }


    @Override
    public List<? extends FailureReason> explains() {
        return FailureReason.all(ResolutionFailure.class, DmvFailure.class);
    }

    @Override
    public ReviewedDetails initial(StepPage page) {
        ProofingPii pii = held(page);
        return new ReviewedDetails(pii.street(), pii.city(), pii.state(), pii.zip(), pii.ssn());
    }

    @Override
    public void show(StepPage page) {
        ProofingPii pii = held(page);
        page.with("firstName", pii.firstName()).with("lastName", pii.lastName()).with("dateOfBirth", pii.dateOfBirth());
    }

    @Override
    public StepAnswer submit(ReviewedDetails form, Errors errors, StepPage page) {
        validator.validate(form, errors);
        if (errors.hasErrors()) {
            return StepAnswer.showAgain();
        }
        vault.update(page.journey(), pii -> pii.withAddress(form.street(), form.city(), form.state(), form.zip())
                .withSsn(Details.normalizedSsn(form.ssn())));
        return StepAnswer.complete();
    }

    private ProofingPii held(StepPage page) {
        return vault.find(page.journey()).orElseGet(ProofingPii::empty);
    }
}
