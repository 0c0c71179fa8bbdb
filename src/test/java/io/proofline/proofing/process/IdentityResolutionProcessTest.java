package io.proofline.proofing.process;

import static io.proofline.journey.ProcessIds.Activities.*;
import static io.proofline.journey.ProcessIds.Variables.PROOFING_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.proofline.journey.ProcessIds;

@Deployment(resources = "bpmn/identity-resolution.bpmn")
class IdentityResolutionProcessTest extends ProcessTestSupport {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml")
            .assertClassCoverageAtLeast(0.95).build();

    @Override
    ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    @Test
    void aStateIdIsResolvedThenConfirmedWithTheIssuingState() {
        ProcessInstance instance = start(ProcessIds.Processes.IDENTITY_RESOLUTION, PROOFING_PATH, "STATE_ID");

        complete(instance, REVIEW_DETAILS);

        assertThat(instance).isEnded().hasPassed(RESOLVE_IDENTITY, CONFIRM_WITH_STATE_DMV, "IdentityResolved")
                .hasNotPassed(MATCH_CERTIFICATE_NAME);
    }

    @Test
    void aPivCacHolderMustMatchTheNameOnTheCard() {
        ProcessInstance instance = start(ProcessIds.Processes.IDENTITY_RESOLUTION, PROOFING_PATH, "PIV_CAC");

        complete(instance, REVIEW_DETAILS);

        assertThat(instance).isEnded().hasPassed(MATCH_CERTIFICATE_NAME).hasNotPassed(CONFIRM_WITH_STATE_DMV);
    }

    @Test
    void aNameThatDoesNotMatchTheCardCountsAsAFailure() {
        services.willReport("matchCertificateNameDelegate", "FAIL");
        ProcessInstance instance = start(ProcessIds.Processes.IDENTITY_RESOLUTION, PROOFING_PATH, "PIV_CAC");

        complete(instance, REVIEW_DETAILS);

        assertThat(waitingAt(instance)).containsExactly(REVIEW_DETAILS);
        assertThat(services.failures("resolution")).isEqualTo(1);
    }

    @Test
    void inPersonTheIdIsLeftToThePostOffice() {
        ProcessInstance instance = start(ProcessIds.Processes.IDENTITY_RESOLUTION, PROOFING_PATH, "IN_PERSON");

        complete(instance, REVIEW_DETAILS);

        assertThat(instance).isEnded().hasPassed(RESOLVE_IDENTITY)
                .hasNotPassed(CONFIRM_WITH_STATE_DMV, MATCH_CERTIFICATE_NAME);
    }

    @Test
    void anEditedNameIsRefusedAndTheReviewAskedAgain() {
        services.willReport("checkReviewEditsDelegate", "REFUSE");
        ProcessInstance instance = start(ProcessIds.Processes.IDENTITY_RESOLUTION, PROOFING_PATH, "STATE_ID");

        complete(instance, REVIEW_DETAILS);

        assertThat(waitingAt(instance)).containsExactly(REVIEW_DETAILS);
        assertThat(services.calls("resolveIdentityDelegate")).isZero();
        complete(instance, REVIEW_DETAILS);
        assertThat(instance).isEnded();
    }

    @Test
    void theThirdFailedResolutionLocksForTwentyFourHours() {
        services.willReport("resolveIdentityDelegate", "FAIL", "FAIL", "FAIL");
        ProcessInstance instance = start(ProcessIds.Processes.IDENTITY_RESOLUTION, PROOFING_PATH, "STATE_ID");

        complete(instance, REVIEW_DETAILS);
        complete(instance, REVIEW_DETAILS);
        assertThat(waitingAt(instance)).containsExactly(REVIEW_DETAILS);
        complete(instance, REVIEW_DETAILS);
        assertThat(waitingAt(instance)).containsExactly(WAIT_OUT_RESOLUTION_LOCKOUT);

        advanceClock(Duration.ofHours(24).minusMinutes(1));
        assertThat(waitingAt(instance)).containsExactly(WAIT_OUT_RESOLUTION_LOCKOUT);
        advanceClock(Duration.ofMinutes(1));
        assertThat(waitingAt(instance)).containsExactly(REVIEW_DETAILS);
    }

    @Test
    void aStateThatDoesNotConfirmTheIdCountsAsAFailure() {
        services.willReport("confirmWithStateDmvDelegate", "FAIL");
        ProcessInstance instance = start(ProcessIds.Processes.IDENTITY_RESOLUTION, PROOFING_PATH, "STATE_ID");

        complete(instance, REVIEW_DETAILS);

        assertThat(waitingAt(instance)).containsExactly(REVIEW_DETAILS);
        assertThat(services.failures("resolution")).isEqualTo(1);
    }

    @Test
    void vendorTimeoutsAtResolutionOrTheStateDoNotCount() {
        services.willReport("resolveIdentityDelegate", "VENDOR_ERROR")
                .willReport("confirmWithStateDmvDelegate", "VENDOR_ERROR");
        ProcessInstance instance = start(ProcessIds.Processes.IDENTITY_RESOLUTION, PROOFING_PATH, "STATE_ID");

        complete(instance, REVIEW_DETAILS);
        assertThat(waitingAt(instance)).containsExactly(REVIEW_DETAILS);
        complete(instance, REVIEW_DETAILS);
        assertThat(waitingAt(instance)).containsExactly(REVIEW_DETAILS);

        assertThat(services.failures("resolution")).isZero();
        complete(instance, REVIEW_DETAILS);
        assertThat(instance).isEnded();
    }
}
