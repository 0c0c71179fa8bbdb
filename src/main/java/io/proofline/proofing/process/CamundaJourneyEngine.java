package io.proofline.proofing.process;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.proofline.proofing.JourneyEngine;
import io.proofline.proofing.JourneyId;

@Component
class CamundaJourneyEngine implements JourneyEngine {

    private final RuntimeService runtime;

    CamundaJourneyEngine(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public String startJourney(JourneyId journey) {
        return runtime.startProcessInstanceByKey(ProcessIds.Processes.IDENTITY_PROOFING, journey.toString(),
                Map.of(ProcessIds.Variables.JOURNEY_ID, journey.toString())).getId();
    }

    @Override
    public boolean isRunning(JourneyId journey) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(ProcessIds.Processes.IDENTITY_PROOFING)
                .processInstanceBusinessKey(journey.toString())
                .count() > 0;
    }
}
