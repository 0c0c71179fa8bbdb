package io.proofline.proofing;

import java.util.Map;
import java.util.Optional;

import io.proofline.journey.JourneyId;
import io.proofline.journey.JourneyStep;

/**
 * What the proofing feature needs from the workflow engine. Implemented in {@code proofing.process},
 * so a later move from Camunda 7 to the Operaton fork touches only that package.
 */
public interface JourneyEngine {

    /** Starts the identity-proofing process for a journey; returns the process instance id. */
    String startJourney(JourneyId journey);

    /** Whether the journey's process instance is still running. */
    boolean isRunning(JourneyId journey);

    /**
     * The BPMN id of the end event a finished journey reached ({@code VerifiedAtIal2}, {@code NotVerifiedInPerson});
     * empty while it runs, and for a journey that was abandoned rather than ended.
     */
    Optional<String> endEvent(JourneyId journey);

    /**
     * A variable of the running journey's identity-proofing process (a choice or an outcome, never PII), read by
     * a query so that it never flushes the execution; empty when the journey has ended or never set it.
     */
    Optional<Object> variable(JourneyId journey, String name);

    /** Where the journey stands now. */
    JourneyStep currentStep(JourneyId journey);

    /**
     * Completes the person's step {@code stepId} with non-personal variables (choices and outcomes
     * only). Throws {@link StaleStepException} when the journey is not at that step.
     */
    void completeStep(JourneyId journey, String stepId, Map<String, Object> variables);

    /** Ends a journey the person abandoned. Counters and lockouts are not the journey's and survive it. */
    void cancel(JourneyId journey, String reason);

    /**
     * Forgets an ended journey's history in the engine (its process instance and the ones it called, their variables
     * and activities): what a deleted account leaves nowhere.
     */
    void erase(JourneyId journey);
}
