package io.proofline.pivcac;

import io.proofline.journey.JourneyId;

/**
 * Published when a card's certificate chain has been presented on the card-reader port for a journey and sealed in
 * its vault: the journey's {@code ConnectCard} step is done, if the journey is still at it. Carries nothing else.
 */
public record CardPresented(JourneyId journey) {
}
