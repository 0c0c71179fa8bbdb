package io.proofline.proofing.process;

import static io.proofline.proofing.process.JourneyDelegates.account;
import static io.proofline.proofing.process.JourneyDelegates.journey;
import static io.proofline.proofing.process.JourneyDelegates.key;
import static io.proofline.proofing.process.JourneyDelegates.requirePass;

import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.proofline.accounts.Profiles;
import io.proofline.address.CodeDeliveryRequest;
import io.proofline.address.InPersonProofing;
import io.proofline.address.LetterVerification;
import io.proofline.address.PhoneVerification;
import io.proofline.journey.ProcessIds;
import io.proofline.proofing.Journeys;
import io.proofline.sharing.AgencyConsents;
import io.proofline.vendors.CheckOutcome;
import io.proofline.vendors.VendorResult;

/**
 * Steps with side effects and no gateway behind them: a code or a letter sent, an enrollment created, the
 * profile activated, the consent recorded. A vendor that fails them fails the job: the engine retries it
 * (same idempotency key, so one effect) and then raises an incident an operator can retry in Cockpit.
 */
@Configuration(proxyBeanMethods = false)
class StepDelegates {

    @Bean
    JavaDelegate sendOneTimeCodeDelegate(PhoneVerification phone) {
        return execution -> {
            Object channel = execution.getVariable(ProcessIds.Variables.CODE_CHANNEL);
            CheckOutcome sent = phone.sendCode(journey(execution), key(execution),
                    ProcessIds.CodeChannel.VOICE.name().equals(channel) ? CodeDeliveryRequest.Channel.VOICE
                            : CodeDeliveryRequest.Channel.SMS);
            if (sent.outcome() == VendorResult.Outcome.VENDOR_ERROR) {
                requirePass(sent, execution); // the vendor, not the phone: retried, then an incident
            }
            CheckDelegates.write(execution, ProcessIds.Variables.CODE_DELIVERY,
                    ProcessIds.Variables.CODE_DELIVERY_FAILURE_REASONS, sent);
        };
    }

    @Bean
    JavaDelegate prepareLetterDelegate(LetterVerification letters) {
        return execution -> letters.prepare(journey(execution));
    }

    @Bean
    JavaDelegate sendLetterDelegate(LetterVerification letters) {
        return execution -> {
            LetterVerification.LetterSent sent = letters.send(journey(execution), key(execution));
            requirePass(sent.outcome(), execution);
            execution.setVariable(ProcessIds.Variables.LETTER_CODE_EXPIRES_AT, Date.from(sent.codeExpiresAt()));
        };
    }

    @Bean
    JavaDelegate createEnrollmentDelegate(InPersonProofing inPerson) {
        return execution -> {
            InPersonProofing.EnrollmentCreated created = inPerson.enroll(journey(execution), key(execution));
            requirePass(created.outcome(), execution);
            execution.setVariable(ProcessIds.Variables.ENROLLMENT_EXPIRES_AT, Date.from(created.expiresAt()));
        };
    }

    @Bean
    JavaDelegate pollEnrollmentDelegate(InPersonProofing inPerson) {
        return execution -> execution.setVariable(ProcessIds.Variables.ENROLLMENT_STATUS,
                inPerson.poll(journey(execution), key(execution)).name());
    }

    @Bean
    JavaDelegate activateProfileDelegate(Profiles profiles, Journeys journeys) {
        return execution -> execution.setVariable(ProcessIds.Variables.PROFILE_ACTIVATION,
                profiles.activate(account(journeys, execution), journey(execution),
                        (String) execution.getVariable(ProcessIds.Variables.PROOFING_PATH)).name());
    }

    @Bean
    JavaDelegate expirePendingProfileDelegate(Profiles profiles) {
        return execution -> profiles.expirePending(journey(execution));
    }

    /** The answer given at the journey's end to the agency that sent the person (nothing when none did). */
    @Bean
    JavaDelegate recordConsentDelegate(AgencyConsents consents, Journeys journeys) {
        return execution -> {
            String answer = (String) execution.getVariable(ProcessIds.Variables.SHARING_ANSWER);
            String agency = (String) execution.getVariable(ProcessIds.Variables.SHARING_AGENCY);
            if (agency == null || answer == null) {
                return;
            }
            Set<String> scopes = new LinkedHashSet<>(Arrays.asList(
                    ((String) execution.getVariable(ProcessIds.Variables.SHARING_SCOPES)).split(" ")));
            if (ProcessIds.SharingAnswer.AGREED.name().equals(answer)) {
                consents.grant(account(journeys, execution), agency, scopes);
            } else if (ProcessIds.SharingAnswer.DECLINED.name().equals(answer)) {
                consents.declined(account(journeys, execution), agency, scopes);
            }
        };
    }
}
