package io.proofline.proofing.process;

import static io.proofline.journey.ProcessIds.Activities.*;
import static io.proofline.journey.ProcessIds.Variables.PROOFING_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.proofline.journey.ProcessIds;

/**
 * The journey model alone: each called model is replaced by a one-step stand-in that reports what the
 * test asks (variable {@code stubResult}), so the journey's own routing is what is tested here. The
 * called models have test classes of their own.
 */
@Deployment(resources = "bpmn/identity-proofing.bpmn")
class IdentityProofingProcessTest extends ProcessTestSupport {

    private static final String[] CALLED = {ProcessIds.Processes.STATE_ID_VERIFICATION,
            ProcessIds.Processes.PIV_CAC_VERIFICATION, ProcessIds.Processes.IDENTITY_RESOLUTION,
            ProcessIds.Processes.ADDRESS_VERIFICATION, ProcessIds.Processes.LETTER_VERIFICATION,
            ProcessIds.Processes.IN_PERSON_PROOFING};

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml")
            .excludeProcessDefinitionKeys(CALLED).assertClassCoverageAtLeast(0.95).build();

    private String stubDeployment;

    @Override
    ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    @BeforeEach
    void deployStandIns() {
        var deployment = repositoryService().createDeployment().name("stand-ins");
        for (String key : CALLED) {
            deployment.addModelInstance(key + ".bpmn", standIn(key));
        }
        stubDeployment = deployment.deploy().getId();
    }

    @AfterEach
    void removeStandIns() {
        repositoryService().deleteDeployment(stubDeployment, true);
    }

    private static BpmnModelInstance standIn(String key) {
        String reports = switch (key) {
            case ProcessIds.Processes.ADDRESS_VERIFICATION -> "${execution.setVariable('addressMethod', addressMethodToReport)}";
            case ProcessIds.Processes.IN_PERSON_PROOFING -> "${execution.setVariable('inPersonResult', inPersonResultToReport)}";
            default -> "${true}";
        };
        return Bpmn.createExecutableProcess(key).name("Stand-in for " + key).startEvent().userTask("StandIn_" + key)
                .endEvent().camundaExecutionListenerExpression("start", reports).done();
    }

    private static void finishCalled(ProcessInstance journey, String key) {
        complete(journey, "StandIn_" + key);
    }

    @Test
    void stateIdAndPhoneLeadToAVerifiedConsentedProfile() {
        ProcessInstance journey = start(ProcessIds.Processes.IDENTITY_PROOFING, "addressMethodToReport", "PHONE");

        complete(journey, CONSENT_TO_PROOFING);
        complete(journey, CHOOSE_PROOFING_PATH, PROOFING_PATH, "STATE_ID");
        finishCalled(journey, ProcessIds.Processes.STATE_ID_VERIFICATION);
        finishCalled(journey, ProcessIds.Processes.IDENTITY_RESOLUTION);
        finishCalled(journey, ProcessIds.Processes.ADDRESS_VERIFICATION);
        complete(journey, RE_ENTER_PASSWORD);
        complete(journey, SAVE_PERSONAL_KEY);
        assertThat(waitingAt(journey)).containsExactly(CONSENT_TO_SHARE);
        assertThat(services.calls("activateProfileDelegate")).isEqualTo(1);
        complete(journey, CONSENT_TO_SHARE);

        assertThat(journey).isEnded().hasPassed(VERIFY_STATE_ID, VERIFY_IDENTITY, VERIFY_ADDRESS, ACTIVATE_PROFILE,
                RECORD_CONSENT, VERIFIED_AT_IAL2).hasNotPassed(VERIFY_LETTER_CODE, CREATE_ENROLLMENT);
        assertThat(services.calls("journeyEnded")).isEqualTo(1);
    }

    @Test
    void theLetterPathProtectsTheDataBeforeTheLetterAndActivatesAfterTheCode() {
        ProcessInstance journey = start(ProcessIds.Processes.IDENTITY_PROOFING, "addressMethodToReport", "LETTER");
        complete(journey, CONSENT_TO_PROOFING);
        complete(journey, CHOOSE_PROOFING_PATH, PROOFING_PATH, "PIV_CAC");
        finishCalled(journey, ProcessIds.Processes.PIV_CAC_VERIFICATION);
        finishCalled(journey, ProcessIds.Processes.IDENTITY_RESOLUTION);
        finishCalled(journey, ProcessIds.Processes.ADDRESS_VERIFICATION);
        complete(journey, RE_ENTER_PASSWORD);
        complete(journey, SAVE_PERSONAL_KEY);

        assertThat(waitingAt(journey)).contains(VERIFY_LETTER_CODE);
        assertThat(services.calls("activateProfileDelegate")).isZero();
        finishCalled(journey, ProcessIds.Processes.LETTER_VERIFICATION);
        complete(journey, CONSENT_TO_SHARE);

        assertThat(journey).isEnded().hasPassed(VERIFY_PIV_CAC, VERIFY_LETTER_CODE, VERIFIED_AT_IAL2);
    }

    @Test
    void inPersonCreatesAnEnrollmentBeforeTheDataIsProtectedAndWaitsForThePostOffice() {
        ProcessInstance journey = start(ProcessIds.Processes.IDENTITY_PROOFING, "inPersonResultToReport", "PASSED");
        complete(journey, CONSENT_TO_PROOFING);
        complete(journey, CHOOSE_PROOFING_PATH, PROOFING_PATH, "IN_PERSON");
        complete(journey, ENTER_ID_DETAILS);
        finishCalled(journey, ProcessIds.Processes.IDENTITY_RESOLUTION);

        assertThat(services.calls("createEnrollmentDelegate")).isEqualTo(1);
        assertThat(waitingAt(journey)).containsExactly(RE_ENTER_PASSWORD);
        complete(journey, RE_ENTER_PASSWORD);
        complete(journey, SAVE_PERSONAL_KEY);
        finishCalled(journey, ProcessIds.Processes.IN_PERSON_PROOFING);
        complete(journey, CONSENT_TO_SHARE);

        assertThat(journey).isEnded().hasPassed(CREATE_ENROLLMENT, WAIT_FOR_POST_OFFICE, VERIFIED_AT_IAL2)
                .hasNotPassed(VERIFY_ADDRESS, VERIFY_STATE_ID);
    }

    @Test
    void aFailedOrExpiredPostOfficeVisitEndsUnverified() {
        ProcessInstance journey = start(ProcessIds.Processes.IDENTITY_PROOFING, "inPersonResultToReport", "EXPIRED");
        complete(journey, CONSENT_TO_PROOFING);
        complete(journey, CHOOSE_PROOFING_PATH, PROOFING_PATH, "IN_PERSON");
        complete(journey, ENTER_ID_DETAILS);
        finishCalled(journey, ProcessIds.Processes.IDENTITY_RESOLUTION);
        complete(journey, RE_ENTER_PASSWORD);
        complete(journey, SAVE_PERSONAL_KEY);
        finishCalled(journey, ProcessIds.Processes.IN_PERSON_PROOFING);

        assertThat(journey).isEnded().hasPassed(NOT_VERIFIED_IN_PERSON).hasNotPassed(ACTIVATE_PROFILE);
        assertThat(services.calls("journeyEnded")).isEqualTo(1);
    }

    @Test
    void aProfileWhoseSsnAnotherAccountActivatedFirstEndsUnverifiedWithoutAskingForConsent() {
        services.willReport("activateProfileDelegate", "SSN_HELD_BY_ANOTHER_ACCOUNT");
        ProcessInstance journey = start(ProcessIds.Processes.IDENTITY_PROOFING, "addressMethodToReport", "LETTER");
        complete(journey, CONSENT_TO_PROOFING);
        complete(journey, CHOOSE_PROOFING_PATH, PROOFING_PATH, "STATE_ID");
        finishCalled(journey, ProcessIds.Processes.STATE_ID_VERIFICATION);
        finishCalled(journey, ProcessIds.Processes.IDENTITY_RESOLUTION);
        finishCalled(journey, ProcessIds.Processes.ADDRESS_VERIFICATION);
        complete(journey, RE_ENTER_PASSWORD);
        complete(journey, SAVE_PERSONAL_KEY);
        finishCalled(journey, ProcessIds.Processes.LETTER_VERIFICATION);

        assertThat(journey).isEnded().hasPassed(ACTIVATE_PROFILE, NOT_VERIFIED_SSN_HELD_ELSEWHERE)
                .hasNotPassed(CONSENT_TO_SHARE, RECORD_CONSENT, VERIFIED_AT_IAL2);
        assertThat(services.calls("journeyEnded")).isEqualTo(1);
    }
}
