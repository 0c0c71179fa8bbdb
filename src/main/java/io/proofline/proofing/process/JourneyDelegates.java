package io.proofline.proofing.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

import io.proofline.accounts.AccountId;
import io.proofline.journey.JourneyId;
import io.proofline.proofing.Journeys;
import io.proofline.vendors.CheckOutcome;
import io.proofline.vendors.IdempotencyKey;

/**
 * What every delegate needs from an execution. The idempotency key is the journey, the step and the engine's job
 * that runs it: the same for every run of that job (a retry after an error, or another node running it again after
 * the one holding it died), new when the person tries the step again (a new job). Not the activity instance: an
 * asynchronous step gets a new one each time its job runs, so a job run again would ask the vendor anew.
 */
final class JourneyDelegates {

    private JourneyDelegates() {
    }

    static JourneyId journey(DelegateExecution execution) {
        return JourneyId.parse(execution.getProcessBusinessKey());
    }

    static IdempotencyKey key(DelegateExecution execution) {
        CommandContext command = Context.getCommandContext();
        JobEntity job = command == null ? null : command.getCurrentJob();
        if (job == null) { // run without a job (every vendor step is asynchronous; a test may call a delegate)
            return IdempotencyKey.of(execution.getProcessBusinessKey(), execution.getActivityInstanceId());
        }
        return IdempotencyKey.of(execution.getProcessBusinessKey(), execution.getCurrentActivityId() + ":" + job.getId());
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
