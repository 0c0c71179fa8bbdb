package io.proofline.proofing.web;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.proofline.journey.ProcessIds.Activities;
import io.proofline.pivcac.CardPresented;
import io.proofline.proofing.JourneyEngine;
import io.proofline.proofing.StaleStepException;

/**
 * A card presented on the card-reader port completes the journey's "Connect your card" step, if the journey is still
 * there (a link used after starting over, or in a second tab, changes nothing). Synchronous, so that the wizard the
 * browser returns to already shows the check.
 */
@Component
class CardPresentedListener {

    private final JourneyEngine engine;

    CardPresentedListener(JourneyEngine engine) {
        this.engine = engine;
    }

    @EventListener
    void on(CardPresented presented) {
        if (engine.currentStep(presented.journey()).isTask(Activities.CONNECT_CARD)) {
            try {
                engine.completeStep(presented.journey(), Activities.CONNECT_CARD, Map.of());
            } catch (StaleStepException anotherTabWasFaster) {
                // the wizard shows where the journey is now
            }
        }
    }
}
