package io.proofline.journey;

import java.util.List;

/**
 * A person's step page as its feature shows it: the wizard's dispatcher ({@code proofing/web}) finds the page for
 * the step the engine is at by its id, adds what every step says (the check that failed, attempts left, the
 * lockout's length), then lets the page add its own. A step the person acts on is a {@link StepForm}; a step
 * completed elsewhere (the card is presented on the card-reader port) is only a view.
 */
public interface StepView {

    /** The BPMN id of the user task ({@link ProcessIds.Activities}). */
    String stepId();

    /** The page's template; its model has {@code stepId}, so steps that look alike can share one. */
    default String template() {
        return "verify/" + stepId();
    }

    /** Adds what this page shows besides its form; nothing by default. */
    default void show(StepPage page) {
    }

    /** The reasons a failed check at this step can give, whose advice the page shows above its form. */
    default List<? extends FailureReason> explains() {
        return List.of();
    }
}
