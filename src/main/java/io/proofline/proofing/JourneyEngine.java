package io.proofline.proofing;

/**
 * What the proofing feature needs from the workflow engine. Implemented in {@code proofing.process},
 * so a later move from Camunda 7 to the Operaton fork touches only that package.
 */
public interface JourneyEngine {

    /** Starts the identity-proofing process for a journey; returns the process instance id. */
    String startJourney(JourneyId journey);

    /** Whether the journey's process instance is still running. */
    boolean isRunning(JourneyId journey);
}
