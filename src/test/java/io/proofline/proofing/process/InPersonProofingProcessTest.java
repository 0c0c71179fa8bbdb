package io.proofline.proofing.process;

import static io.proofline.journey.ProcessIds.Activities.*;
import static io.proofline.journey.ProcessIds.Variables.ENROLLMENT_EXPIRES_AT;
import static io.proofline.journey.ProcessIds.Variables.IN_PERSON_RESULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.proofline.journey.ProcessIds;

@Deployment(resources = "bpmn/in-person-proofing.bpmn")
class InPersonProofingProcessTest extends ProcessTestSupport {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml")
            .assertClassCoverageAtLeast(0.95).build();

    @Override
    ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    private ProcessInstance enrolled() {
        return start(ProcessIds.Processes.IN_PERSON_PROOFING,
                ENROLLMENT_EXPIRES_AT, new Date(now().getTime() + Duration.ofDays(7).toMillis()));
    }

    @Test
    void theEnrollmentIsPolledUntilThePersonPasses() {
        services.willReport("pollEnrollmentDelegate", "PENDING", "PENDING", "PASSED");
        ProcessInstance instance = enrolled();

        advanceClock(Duration.ofMinutes(29));
        assertThat(services.calls("pollEnrollmentDelegate")).isZero();
        advanceClock(Duration.ofMinutes(1));
        assertThat(services.calls("pollEnrollmentDelegate")).isEqualTo(1);
        advanceClock(Duration.ofMinutes(30));
        advanceClock(Duration.ofMinutes(30));

        assertThat(instance).isEnded().hasPassed("PassedInPerson");
        assertThat(result(instance)).isEqualTo("PASSED");
    }

    @Test
    void aFailedVisitEndsUnverified() {
        services.willReport("pollEnrollmentDelegate", "FAILED");
        ProcessInstance instance = enrolled();

        advanceClock(Duration.ofMinutes(30));

        assertThat(instance).isEnded().hasPassed("FailedInPerson");
        assertThat(result(instance)).isEqualTo("FAILED");
    }

    @Test
    void uspsMayReportTheEnrollmentExpired() {
        services.willReport("pollEnrollmentDelegate", "EXPIRED");
        ProcessInstance instance = enrolled();

        advanceClock(Duration.ofMinutes(30));

        assertThat(instance).isEnded().hasPassed("EnrollmentExpired");
    }

    @Test
    void theEnrollmentExpiresAfterSevenDaysWithoutAVisit() {
        ProcessInstance instance = enrolled();
        for (int i = 0; i < 1000; i++) {
            services.willReport("pollEnrollmentDelegate", "PENDING");
        }

        advanceClock(Duration.ofDays(7).minusMinutes(1));
        assertThat(instance).isNotEnded();
        advanceClock(Duration.ofMinutes(1));

        assertThat(instance).isEnded().hasPassed(ENROLLMENT_DEADLINE, "EnrollmentExpired");
        assertThat(result(instance)).isEqualTo("EXPIRED");
    }

    private static Object result(ProcessInstance instance) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(IN_PERSON_RESULT).singleResult().getValue();
    }
}
