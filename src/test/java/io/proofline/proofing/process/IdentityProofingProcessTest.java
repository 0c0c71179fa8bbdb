package io.proofline.proofing.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentMatchers;

@Deployment(resources = "bpmn/identity-proofing.bpmn")
class IdentityProofingProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml").build();

    private final ExecutionListener journeyEnded = mock(ExecutionListener.class);

    @BeforeEach
    void registerListeners() {
        // Other test classes in this JVM run engines of their own; assert against this one.
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("journeyEndedListener", journeyEnded);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aJourneyWaitsForConsentAndEndsWhenGiven() throws Exception {
        String journeyId = UUID.randomUUID().toString();
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(ProcessIds.Processes.IDENTITY_PROOFING,
                journeyId, Map.of(ProcessIds.Variables.JOURNEY_ID, journeyId));

        assertThat(instance).isWaitingAt(ProcessIds.Activities.CONSENT_TO_PROOFING);
        complete(task());

        assertThat(instance).isEnded().hasPassed("ProofingEnded");
        verify(journeyEnded).notify(ArgumentMatchers.any());
    }
}
