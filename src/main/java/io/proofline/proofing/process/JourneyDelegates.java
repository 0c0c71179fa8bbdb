package io.proofline.proofing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.proofline.accounts.AccountId;
import io.proofline.journey.JourneyId;
import io.proofline.proofing.Journeys;
import io.proofline.vendors.CheckOutcome;
import io.proofline.vendors.IdempotencyKey;

/**
 * What every delegate needs from an execution. The idempotency key is the journey plus the activity
 * instance: the same for every retry of one step, new when the person tries the step again.
 */
final class JourneyDelegates {

    private JourneyDelegates() {
    }

    static JourneyId journey(DelegateExecution execution) {
        return JourneyId.parse(execution.getProcessBusinessKey());
    }

    static IdempotencyKey key(DelegateExecution execution) {
        return IdempotencyKey.of(execution.getProcessBusinessKey(), execution.getActivityInstanceId());
    }

    static AccountId account(Journeys journeys, DelegateExecution execution) {
        return journeys.find(journey(execution)).orElseThrow(
                () -> new IllegalStateException("No journey " + execution.getProcessBusinessKey())).accountId();
    }

    /** A step that only a working vendor can complete: retried by the engine, then an incident for operators. */
    static void requirePass(CheckOutcome outcome, DelegateExecution execution) {
        if (!outcome.passed()) {
            throw new VendorStepFailedException(execution.getCurrentActivityName() + " for journey "
                    + execution.getProcessBusinessKey() + ": " + outcome.outcome() + " " + outcome.reasons());
        }
    }

    /** Carries outcome and reason codes only, never anything personal. */
    static class VendorStepFailedException extends RuntimeException {
        VendorStepFailedException(String message) {
            super(message);
        }
    }
}
