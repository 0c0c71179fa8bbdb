package io.proofline.proofing.process;

import static io.proofline.journey.ProcessIds.Activities.*;
import static io.proofline.journey.ProcessIds.Variables.ADDRESS_METHOD;
import static io.proofline.journey.ProcessIds.Variables.CODE_CHANNEL;
import static io.proofline.journey.ProcessIds.Variables.ONE_TIME_CODE_CHECK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;

import java.time.Duration;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.proofline.journey.ProcessIds;

@Deployment(resources = "bpmn/address-verification.bpmn")
class AddressVerificationProcessTest extends ProcessTestSupport {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.cfg.xml")
            .assertClassCoverageAtLeast(0.95).build();

    @Override
    ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    @Test
    void aMatchingPhoneAndTheRightCodeVerifyTheAddress() {
        ProcessInstance instance = start(ProcessIds.Processes.ADDRESS_VERIFICATION);

        complete(instance, CHOOSE_ADDRESS_METHOD, ADDRESS_METHOD, "PHONE");
        complete(instance, ENTER_PHONE);
        complete(instance, ENTER_ONE_TIME_CODE, ONE_TIME_CODE_CHECK, "PASS");

        assertThat(instance).isEnded().hasPassed(CHECK_PHONE_RECORDS, SEND_ONE_TIME_CODE, "AddressVerifiedByPhone");
        assertThat(finalAddressMethod(instance)).isEqualTo("PHONE");
    }

    @Test
    void theUserMayChooseALetterInstead() {
        ProcessInstance instance = start(ProcessIds.Processes.ADDRESS_VERIFICATION);

        complete(instance, CHOOSE_ADDRESS_METHOD, ADDRESS_METHOD, "LETTER");
        complete(instance, CONFIRM_LETTER_ADDRESS);

        assertThat(instance).isEnded().hasPassed(PREPARE_LETTER, "LetterChosen").hasNotPassed(CHECK_PHONE_RECORDS);
        assertThat(services.calls("prepareLetterDelegate")).isEqualTo(1);
    }

    @Test
    void aPhoneVendorOutageLeavesTheLetter() {
        services.phoneVendorInOutage();
        ProcessInstance instance = start(ProcessIds.Processes.ADDRESS_VERIFICATION);

        assertThat(waitingAt(instance)).containsExactly(CONFIRM_LETTER_ADDRESS);
        complete(instance, CONFIRM_LETTER_ADDRESS);

        assertThat(instance).isEnded().hasPassed("LetterChosen");
        assertThat(finalAddressMethod(instance)).isEqualTo("LETTER");
    }

    @Test
    void threeFailedPhoneChecksLockThePhoneButTheLetterRemains() {
        services.willReport("checkPhoneRecordsDelegate", "FAIL", "FAIL", "FAIL");
        ProcessInstance instance = start(ProcessIds.Processes.ADDRESS_VERIFICATION);

        for (int i = 0; i < 2; i++) {
            complete(instance, CHOOSE_ADDRESS_METHOD, ADDRESS_METHOD, "PHONE");
            complete(instance, ENTER_PHONE);
            assertThat(waitingAt(instance)).containsExactly(CHOOSE_ADDRESS_METHOD);
        }
        complete(instance, CHOOSE_ADDRESS_METHOD, ADDRESS_METHOD, "PHONE");
        complete(instance, ENTER_PHONE);

        assertThat(waitingAt(instance)).containsExactly(CONFIRM_LETTER_ADDRESS);
        assertThat(services.failures("phone")).isEqualTo(3);
    }

    @Test
    void aPhoneRecordsTimeoutDoesNotCount() {
        services.willReport("checkPhoneRecordsDelegate", "VENDOR_ERROR");
        ProcessInstance instance = start(ProcessIds.Processes.ADDRESS_VERIFICATION);

        complete(instance, CHOOSE_ADDRESS_METHOD, ADDRESS_METHOD, "PHONE");
        complete(instance, ENTER_PHONE);

        assertThat(waitingAt(instance)).containsExactly(CHOOSE_ADDRESS_METHOD);
        assertThat(services.failures("phone")).isZero();
    }

    @Test
    void aPhoneThatCannotReceiveTheCodeLeadsBackToThePhoneNumberWithoutCounting() {
        services.willReport("sendOneTimeCodeDelegate", "FAIL");
        ProcessInstance instance = start(ProcessIds.Processes.ADDRESS_VERIFICATION);
        complete(instance, CHOOSE_ADDRESS_METHOD, ADDRESS_METHOD, "PHONE");
        complete(instance, ENTER_PHONE);

        assertThat(waitingAt(instance)).as("a landline by text: choose a call or another phone").containsExactly(ENTER_PHONE);
        assertThat(services.failures("phone")).isZero();
        complete(instance, ENTER_PHONE, CODE_CHANNEL, "VOICE");
        complete(instance, ENTER_ONE_TIME_CODE, ONE_TIME_CODE_CHECK, "PASS");

        assertThat(instance).isEnded().hasPassed("AddressVerifiedByPhone");
        assertThat(services.calls("sendOneTimeCodeDelegate")).isEqualTo(2);
    }

    @Test
    void aWrongCodeMayBeRetriedUntilTheCodeAttemptsRunOut() {
        ProcessInstance instance = start(ProcessIds.Processes.ADDRESS_VERIFICATION);
        complete(instance, CHOOSE_ADDRESS_METHOD, ADDRESS_METHOD, "PHONE");
        complete(instance, ENTER_PHONE);

        complete(instance, ENTER_ONE_TIME_CODE, ONE_TIME_CODE_CHECK, "FAIL");
        assertThat(waitingAt(instance)).containsExactly(ENTER_ONE_TIME_CODE);
        for (int i = 1; i < FakeProofingServices.LIMITS.get("one-time-code"); i++) {
            complete(instance, ENTER_ONE_TIME_CODE, ONE_TIME_CODE_CHECK, "FAIL");
        }

        assertThat(waitingAt(instance)).containsExactly(CONFIRM_LETTER_ADDRESS);
        advanceClock(Duration.ofHours(1));
        assertThat(waitingAt(instance)).containsExactly(CONFIRM_LETTER_ADDRESS);
    }

    @Test
    void atTheCodeThePersonMayHaveItSentAgainUseAnotherNumberOrGetALetterNoneCounted() {
        ProcessInstance instance = start(ProcessIds.Processes.ADDRESS_VERIFICATION);
        complete(instance, CHOOSE_ADDRESS_METHOD, ADDRESS_METHOD, "PHONE");
        complete(instance, ENTER_PHONE);

        complete(instance, ENTER_ONE_TIME_CODE, ProcessIds.Variables.CODE_STEP_CHOICE, "RESEND");
        assertThat(waitingAt(instance)).containsExactly(ENTER_ONE_TIME_CODE);
        assertThat(services.calls("sendOneTimeCodeDelegate")).as("sent again").isEqualTo(2);

        complete(instance, ENTER_ONE_TIME_CODE, ProcessIds.Variables.CODE_STEP_CHOICE, "CHANGE_NUMBER");
        assertThat(waitingAt(instance)).containsExactly(ENTER_PHONE);
        complete(instance, ENTER_PHONE);
        assertThat(services.calls("checkPhoneRecordsDelegate")).as("the new number is checked").isEqualTo(2);

        complete(instance, ENTER_ONE_TIME_CODE, ProcessIds.Variables.CODE_STEP_CHOICE, "LETTER");
        assertThat(waitingAt(instance)).containsExactly(CONFIRM_LETTER_ADDRESS);
        assertThat(services.failures("one-time-code")).isZero();
        complete(instance, CONFIRM_LETTER_ADDRESS);
        assertThat(instance).isEnded().hasPassed(ProcessIds.Activities.CODE_STEP_CHOICE, "LetterChosen");
    }

    private static Object finalAddressMethod(ProcessInstance instance) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(ADDRESS_METHOD).singleResult().getValue();
    }
}
