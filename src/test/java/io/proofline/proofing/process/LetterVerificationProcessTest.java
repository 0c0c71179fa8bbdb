package io.proofline.proofing.process;

import static io.proofline.journey.ProcessIds.Activities.*;
import static io.proofline.journey.ProcessIds.Variables.LETTER_CODE_CHECK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.proofline.journey.ProcessIds;

@Deployment(resources = "bpmn/letter-verification.bpmn")
class LetterVerificationProcessTest extends ProcessTestSupport {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml")
            .assertClassCoverageAtLeast(0.95).build();

    @Override
    ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    @Test
    void theLetterCodeWorksOnDay29() {
        ProcessInstance instance = start(ProcessIds.Processes.LETTER_VERIFICATION);
        assertThat(services.calls("sendLetterDelegate")).isEqualTo(1);

        advanceClock(Duration.ofDays(29));
        assertThat(waitingAt(instance)).containsExactly(ENTER_LETTER_CODE);
        complete(instance, ENTER_LETTER_CODE, LETTER_CODE_CHECK, "PASS");

        assertThat(instance).isEnded().hasPassed("AddressVerifiedByMail");
    }

    @Test
    void theLetterCodeNoLongerWorksOnDay31AndANewLetterCanBeRequested() {
        ProcessInstance instance = start(ProcessIds.Processes.LETTER_VERIFICATION);

        advanceClock(Duration.ofDays(30).minusMinutes(1));
        assertThat(waitingAt(instance)).containsExactly(ENTER_LETTER_CODE);
        advanceClock(Duration.ofDays(1).plusMinutes(1));

        assertThat(waitingAt(instance)).containsExactly(REQUEST_NEW_LETTER);
        assertThat(instance).hasPassed(EXPIRE_PENDING_PROFILE);
        complete(instance, REQUEST_NEW_LETTER);
        assertThat(services.calls("sendLetterDelegate")).isEqualTo(2);
        assertThat(waitingAt(instance)).containsExactly(ENTER_LETTER_CODE);
        advanceClock(Duration.ofDays(29));
        complete(instance, ENTER_LETTER_CODE, LETTER_CODE_CHECK, "PASS");
        assertThat(instance).isEnded();
    }

    @Test
    void anExpiredCodeMarksThePendingProfileExpiredBeforeANewLetterIsOffered() {
        ProcessInstance instance = start(ProcessIds.Processes.LETTER_VERIFICATION);
        advanceClock(Duration.ofDays(29));
        assertThat(services.calls("expirePendingProfileDelegate")).as("not while the code works").isZero();

        advanceClock(Duration.ofDays(1).plusMinutes(1));

        assertThat(services.calls("expirePendingProfileDelegate")).isEqualTo(1);
        assertThat(waitingAt(instance)).containsExactly(REQUEST_NEW_LETTER);
    }

    @Test
    void aLetterThatCannotBeSentIsRetriedThenBecomesAnIncidentForOperators() {
        services.willReport("sendLetterDelegate", "UNDELIVERABLE", "UNDELIVERABLE", "UNDELIVERABLE", "UNDELIVERABLE");
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(ProcessIds.Processes.LETTER_VERIFICATION,
                java.util.UUID.randomUUID().toString());

        for (int attempt = 1; attempt <= 3; attempt++) {
            Job job = managementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
            assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("UNDELIVERABLE");
            assertThat(managementService().createJobQuery().jobId(job.getId()).singleResult().getRetries())
                    .isEqualTo(3 - attempt);
            // the next retry is due 5 minutes later (R3/PT5M): move the clock without running it
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
                    new java.util.Date(now().getTime() + Duration.ofMinutes(5).toMillis()));
        }

        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult())
                .as("an incident an operator sees and can retry in Cockpit").isNotNull()
                .extracting(org.camunda.bpm.engine.runtime.Incident::getActivityId).isEqualTo(SEND_LETTER);
        assertThat(waitingAt(instance)).containsExactly(SEND_LETTER);
    }

    @Test
    void aWrongCodeKeepsTheSameDeadlineAndTooManyLockEntry() {
        ProcessInstance instance = start(ProcessIds.Processes.LETTER_VERIFICATION);
        int limit = FakeProofingServices.LIMITS.get("letter-code");

        for (int i = 1; i < limit; i++) {
            complete(instance, ENTER_LETTER_CODE, LETTER_CODE_CHECK, "FAIL");
            assertThat(waitingAt(instance)).containsExactly(ENTER_LETTER_CODE);
        }
        complete(instance, ENTER_LETTER_CODE, LETTER_CODE_CHECK, "FAIL");
        assertThat(waitingAt(instance)).containsExactly(WAIT_OUT_LETTER_CODE_LOCKOUT);

        advanceClock(Duration.ofHours(24));
        assertThat(waitingAt(instance)).containsExactly(ENTER_LETTER_CODE);
        advanceClock(Duration.ofDays(29));
        assertThat(waitingAt(instance)).as("the 30 days run from the letter, not from the last try")
                .containsExactly(REQUEST_NEW_LETTER);
    }
}
