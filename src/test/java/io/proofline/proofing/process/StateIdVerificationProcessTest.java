package io.proofline.proofing.process;

import static io.proofline.journey.ProcessIds.Activities.*;
import static io.proofline.journey.ProcessIds.Variables.ATTEMPTS_REMAINING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.proofline.journey.ProcessIds;

@Deployment(resources = "bpmn/state-id-verification.bpmn")
class StateIdVerificationProcessTest extends ProcessTestSupport {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml")
            .assertClassCoverageAtLeast(0.95).build();

    @Override
    ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    @Test
    void anAcceptedIdLeadsToTheSsnAndEnds() {
        ProcessInstance instance = start(ProcessIds.Processes.STATE_ID_VERIFICATION);

        complete(instance, UPLOAD_DOCUMENTS);
        complete(instance, ENTER_SSN);

        assertThat(instance).isEnded().hasPassed(AUTHENTICATE_DOCUMENT, "StateIdVerified");
    }

    @Test
    void theFourthFailedUploadLocksForTwentyFourHoursAndNotAMinuteLess() {
        services.willReport("authenticateDocumentDelegate", "FAIL", "FAIL", "FAIL", "FAIL");
        ProcessInstance instance = start(ProcessIds.Processes.STATE_ID_VERIFICATION);

        for (int remaining = 3; remaining >= 1; remaining--) {
            complete(instance, UPLOAD_DOCUMENTS);
            assertThat(waitingAt(instance)).containsExactly(UPLOAD_DOCUMENTS);
            assertThat(instance).variables().containsEntry(ATTEMPTS_REMAINING, remaining);
        }
        Date fourthFailure = now();
        complete(instance, UPLOAD_DOCUMENTS);

        assertThat(waitingAt(instance)).containsExactly(WAIT_OUT_DOCUMENT_LOCKOUT);
        Job lockoutTimer = managementService().createJobQuery().timers().singleResult();
        assertThat(lockoutTimer.getDuedate()).isEqualTo(new Date(fourthFailure.getTime() + Duration.ofHours(24).toMillis()));

        advanceClock(Duration.ofHours(24).minusMinutes(1));
        assertThat(waitingAt(instance)).containsExactly(WAIT_OUT_DOCUMENT_LOCKOUT);

        advanceClock(Duration.ofMinutes(1));
        assertThat(waitingAt(instance)).containsExactly(UPLOAD_DOCUMENTS);
        assertThat(instance).variables().containsEntry(ATTEMPTS_REMAINING, 4);
    }

    @Test
    void aVendorErrorDoesNotUseUpAnAttempt() {
        services.willReport("authenticateDocumentDelegate", "VENDOR_ERROR", "VENDOR_ERROR", "VENDOR_ERROR",
                "VENDOR_ERROR", "VENDOR_ERROR");
        ProcessInstance instance = start(ProcessIds.Processes.STATE_ID_VERIFICATION);

        for (int i = 0; i < 5; i++) {
            complete(instance, UPLOAD_DOCUMENTS);
            assertThat(waitingAt(instance)).containsExactly(UPLOAD_DOCUMENTS);
        }

        assertThat(services.failures("document")).isZero();
        assertThat(services.calls("recordFailedAttemptDelegate")).isZero();
    }

    @Test
    void aLockoutFromAnEarlierJourneyHoldsInANewOne() {
        Date until = new Date(now().getTime() + Duration.ofHours(20).toMillis());
        services.lockedOut("document", until);

        ProcessInstance instance = start(ProcessIds.Processes.STATE_ID_VERIFICATION);

        assertThat(waitingAt(instance)).containsExactly(WAIT_OUT_DOCUMENT_LOCKOUT);
        assertThat(managementService().createJobQuery().timers().singleResult().getDuedate()).isEqualTo(until);
    }
}
