package io.proofline.proofing.web;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.proofline.journey.ProcessIds;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.ProcessIds.Path;
import io.proofline.journey.ProcessIds.Variables;
import io.proofline.journey.StepAnswer;
import io.proofline.journey.StepForm;
import io.proofline.journey.StepPage;
import io.proofline.pivcac.web.CardHandOffs;

/**
 * The way to prove one's identity: a state ID's photos, a PIV/CAC card (offered only where cards can be read), or
 * at the Post Office. A way a lockout pauses cannot be chosen until the lockout ends.
 */
@Component
class ChooseProofingPathForm implements StepForm<ChooseProofingPathForm.Choice> {

    record Choice(String proofingPath) {
    }

    private final PausedPaths pausedPaths;
    private final CardHandOffs cardHandOffs;

    ChooseProofingPathForm(PausedPaths pausedPaths, CardHandOffs cardHandOffs) {
        this.pausedPaths = pausedPaths;
        this.cardHandOffs = cardHandOffs;
    }

    @Override
    public String stepId() {
        return Activities.CHOOSE_PROOFING_PATH;
    }


    @Override
    public void show(StepPage page) {
        page.with("cardsReadHere", cardHandOffs.available());
        pausedPaths.addTo(page);
    }

    @Override
    public StepAnswer submit(Choice form, Errors errors, StepPage page) {
        Optional<Path> path = ProcessIds.named(Path.class, form.proofingPath())
                .filter(chosen -> chosen != Path.PIV_CAC || cardHandOffs.available());
        if (path.isEmpty()) {
            errors.rejectValue("proofingPath", "verify.path.error");
        } else if (pausedPaths.pauses(page, path.get())) {
            errors.rejectValue("proofingPath", "verify.path.paused");
        }
        return errors.hasErrors() ? StepAnswer.showAgain()
                : StepAnswer.complete(Variables.PROOFING_PATH, path.get().name());
    }
}
