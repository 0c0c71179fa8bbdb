package io.proofline.proofing.process;

import static io.proofline.journey.ProcessIds.Activities.*;
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

@Deployment(resources = "bpmn/piv-cac-verification.bpmn")
class PivCacVerificationProcessTest extends ProcessTestSupport {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml")
            .assertClassCoverageAtLeast(0.95).build();

    @Override
    ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    @Test
    void aValidCardLeadsToEnteringPersonalDetails() {
        ProcessInstance instance = start(ProcessIds.Processes.PIV_CAC_VERIFICATION);

        complete(instance, CONNECT_CARD);
        complete(instance, ENTER_PERSONAL_DETAILS);

        assertThat(instance).isEnded().hasPassed(VALIDATE_CERTIFICATE, "PivCacVerified");
    }

    @Test
    void theFourthFailedCardCheckLocksForTwentyFourHours() {
        services.willReport("validateCertificateDelegate", "FAIL", "FAIL", "FAIL", "FAIL");
        ProcessInstance instance = start(ProcessIds.Processes.PIV_CAC_VERIFICATION);

        for (int i = 0; i < 3; i++) {
            complete(instance, CONNECT_CARD);
            assertThat(waitingAt(instance)).containsExactly(CONNECT_CARD);
        }
        complete(instance, CONNECT_CARD);
        assertThat(waitingAt(instance)).containsExactly(WAIT_OUT_CERTIFICATE_LOCKOUT);

        advanceClock(Duration.ofHours(24).minusMinutes(1));
        assertThat(waitingAt(instance)).containsExactly(WAIT_OUT_CERTIFICATE_LOCKOUT);
        advanceClock(Duration.ofMinutes(1));
        assertThat(waitingAt(instance)).containsExactly(CONNECT_CARD);
    }

    @Test
    void anUnavailableValidatorDoesNotCount() {
        services.willReport("validateCertificateDelegate", "VENDOR_ERROR");
        ProcessInstance instance = start(ProcessIds.Processes.PIV_CAC_VERIFICATION);

        complete(instance, CONNECT_CARD);

        assertThat(waitingAt(instance)).containsExactly(CONNECT_CARD);
        assertThat(services.failures("piv-cac")).isZero();
    }
}
