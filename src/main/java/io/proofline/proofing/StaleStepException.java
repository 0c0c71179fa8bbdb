package io.proofline.proofing;

import io.proofline.journey.JourneyId;

/**
 * A form was submitted for a step the journey is no longer (or not yet) at: a back button, a second tab,
 * a refresh. Nothing is changed; the caller shows the current step instead.
 */
public class StaleStepException extends RuntimeException {

    public StaleStepException(JourneyId journey, String submittedStep) {
        super("Journey " + journey + " is not at step " + submittedStep);
    }
}
