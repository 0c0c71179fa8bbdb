package io.proofline.proofing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.proofline.journey.JourneyId;
import io.proofline.proofing.Journeys;

/** Closes our journey record when the identity-proofing process ends, so the account may start another. */
@Component("journeyEndedListener")
class JourneyEndedListener implements ExecutionListener {

    private final Journeys journeys;

    JourneyEndedListener(Journeys journeys) {
        this.journeys = journeys;
    }

    @Override
    public void notify(DelegateExecution execution) {
        journeys.ended(JourneyId.parse(execution.getProcessBusinessKey()));
    }
}
