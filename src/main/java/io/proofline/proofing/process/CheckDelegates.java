package io.proofline.proofing.process;

import static io.proofline.proofing.process.JourneyDelegates.account;
import static io.proofline.proofing.process.JourneyDelegates.journey;
import static io.proofline.proofing.process.JourneyDelegates.key;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.proofline.address.PhoneVerification;
import io.proofline.documents.DocumentCheck;
import io.proofline.journey.ProcessIds;
import io.proofline.pivcac.CertificateCheck;
import io.proofline.proofing.Journeys;
import io.proofline.resolution.IdentityChecks;
import io.proofline.vendors.CheckOutcome;
import io.proofline.vendors.VendorResult;

/**
 * The checks whose outcome (PASS, FAIL, VENDOR_ERROR) a gateway reads. Each delegate only maps: journey
 * and idempotency key in, outcome variable out; the feature service does the work.
 */
@Configuration(proxyBeanMethods = false)
class CheckDelegates {

    @Bean
    JavaDelegate authenticateDocumentDelegate(DocumentCheck documents) {
        return execution -> write(execution, ProcessIds.Variables.DOCUMENT_CHECK,
                ProcessIds.Variables.DOCUMENT_FAILURE_REASONS, documents.authenticate(journey(execution), key(execution)));
    }

    @Bean
    JavaDelegate validateCertificateDelegate(CertificateCheck certificates) {
        return execution -> write(execution, ProcessIds.Variables.CERTIFICATE_CHECK,
                ProcessIds.Variables.CERTIFICATE_FAILURE_REASONS, certificates.validate(journey(execution)));
    }

    @Bean
    JavaDelegate checkReviewEditsDelegate(IdentityChecks checks) {
        return execution -> execution.setVariable(ProcessIds.Variables.REVIEW_EDITS_ALLOWED,
                checks.onlyAddressAndSsnEdited(journey(execution)));
    }

    @Bean
    JavaDelegate resolveIdentityDelegate(IdentityChecks checks) {
        return execution -> write(execution, ProcessIds.Variables.RESOLUTION_CHECK,
                ProcessIds.Variables.RESOLUTION_FAILURE_REASONS, checks.resolve(journey(execution), key(execution)));
    }

    @Bean
    JavaDelegate confirmWithStateDmvDelegate(IdentityChecks checks) {
        return execution -> write(execution, ProcessIds.Variables.RESOLUTION_CHECK,
                ProcessIds.Variables.RESOLUTION_FAILURE_REASONS,
                checks.confirmWithIssuingState(journey(execution), key(execution)));
    }

    @Bean
    JavaDelegate matchCertificateNameDelegate(IdentityChecks checks) {
        return execution -> write(execution, ProcessIds.Variables.RESOLUTION_CHECK,
                ProcessIds.Variables.RESOLUTION_FAILURE_REASONS, checks.matchCardName(journey(execution)));
    }

    @Bean
    JavaDelegate checkPhoneAvailabilityDelegate(PhoneVerification phone, Journeys journeys) {
        return execution -> execution.setVariable(ProcessIds.Variables.PHONE_AVAILABLE,
                phone.available(account(journeys, execution)));
    }

    @Bean
    JavaDelegate checkPhoneRecordsDelegate(PhoneVerification phone) {
        return execution -> write(execution, ProcessIds.Variables.PHONE_CHECK, ProcessIds.Variables.PHONE_FAILURE_REASONS,
                phone.checkRecords(journey(execution), key(execution)));
    }

    private static void write(DelegateExecution execution, String variable, CheckOutcome outcome) {
        execution.setVariable(variable, outcome.outcome().name());
    }

    /** The outcome, and the reason codes the wizard turns into advice (empty unless it failed). */
    static void write(DelegateExecution execution, String variable, String reasonsVariable, CheckOutcome outcome) {
        write(execution, variable, outcome);
        execution.setVariable(reasonsVariable,
                outcome.outcome() == VendorResult.Outcome.FAIL ? ReasonCodes.encode(outcome.reasons()) : "");
    }
}
