package io.proofline.proofing.web;

import java.util.Set;

import org.springframework.stereotype.Component;

import io.proofline.journey.JourneyId;
import io.proofline.journey.JourneyStep;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.vault.PiiVault;

/**
 * The details a journey gathered wait in the vault until the password seals them; a lost vault (Redis restarted, by
 * design keeping nothing) loses them. The steps between the first details and the password would then go on with
 * blanks (and a check with blank names would count a failure): instead the person is told, and starts again. Nothing
 * they did is counted twice: lockouts belong to the person, not the journey.
 */
@Component
class DetailsLost {

    /** The steps at which the vault holds what came before: an ID's or a card's fields, what was typed. */
    static final Set<String> STEPS_AFTER_THE_FIRST_DETAILS = Set.of(Activities.ENTER_SSN, Activities.REVIEW_DETAILS,
            Activities.ENTER_PERSONAL_DETAILS, Activities.CHOOSE_ADDRESS_METHOD, Activities.ENTER_PHONE,
            Activities.ENTER_ONE_TIME_CODE, Activities.CONFIRM_LETTER_ADDRESS, Activities.RE_ENTER_PASSWORD);

    private final PiiVault vault;

    DetailsLost(PiiVault vault) {
        this.vault = vault;
    }

    boolean at(JourneyStep step, JourneyId journey) {
        return step.kind() == JourneyStep.Kind.TASK && STEPS_AFTER_THE_FIRST_DETAILS.contains(step.activityId())
                && !vault.holds(journey);
    }
}
