package io.proofline.journey;

/** Published when a journey's process ends, however it ends: features forget what they kept for it. */
public record JourneyEnded(JourneyId journey) {
}
