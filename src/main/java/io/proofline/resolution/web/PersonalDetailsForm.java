package io.proofline.resolution.web;

import org.springframework.validation.Errors;

import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;
import io.proofline.resolution.IdentityChecks;
import io.proofline.resolution.web.Details.PersonalDetails;
import io.proofline.vault.PiiVault;

/**
 * Every detail typed: in person ({@code EnterIdDetails}, as on the ID the person will show at the Post Office), and
 * with a PIV/CAC card ({@code EnterPersonalDetails}), which carries no address or date of birth. With the card, a
 * name that is not the card's is asked for again here, not counted: a typo is corrected before the check that counts.
 * One class, two steps: see {@link ResolutionPages}.
 */
class PersonalDetailsForm implements StepForm<PersonalDetails> {

    private final String stepId;
    private final boolean nameMustMatchCard;
    private final DetailsValidator validator;
    private final PiiVault vault;
    private final IdentityChecks identityChecks;

    PersonalDetailsForm(String stepId, boolean nameMustMatchCard, DetailsValidator validator, PiiVault vault,
            IdentityChecks identityChecks) {
        this.stepId = stepId;
        this.nameMustMatchCard = nameMustMatchCard;
        this.validator = validator;
        this.vault = vault;
        this.identityChecks = identityChecks;
    }

    @Override
    public String stepId() {
        return stepId;
    }

    @Override
    public String template() {
        return "verify/personal-details";
    }


    @Override
    public StepAnswer submit(PersonalDetails form, Errors errors, StepPage page) {
        validator.validate(form, errors);
        if (!errors.hasErrors() && nameMustMatchCard
                && !identityChecks.typedNameMatchesCard(page.journey(), form.firstName(), form.lastName())) {
            errors.rejectValue("firstName", "verify.details.error.nameDiffersFromCard");
        }
        if (errors.hasErrors()) {
            return StepAnswer.showAgain();
        }
        vault.update(page.journey(), pii -> pii
                .withPerson(form.firstName(), form.lastName(), DetailsValidator.dateOfBirth(form))
                .withAddress(form.street(), form.city(), form.state(), form.zip())
                .withSsn(Details.normalizedSsn(form.ssn())));
        return StepAnswer.complete();
    }
}
