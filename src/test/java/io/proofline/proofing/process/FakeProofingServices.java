package io.proofline.proofing.process;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;

import io.proofline.journey.ProcessIds;
import io.proofline.proofing.ProofingPolicy;

/**
 * Stands in for the feature services behind the delegates, so that a process test exercises the
 * model's routing, limits and timers alone. Check outcomes are queued per delegate (PASS when none is
 * queued); attempt counters keep the production semantics: the Nth failure of a type with limit N locks
 * it until 24 hours after that failure, on the engine clock.
 */
final class FakeProofingServices {

    static final Map<String, Integer> LIMITS = Map.of("document", 4, "resolution", 3, "phone", 3, "piv-cac", 4,
            "one-time-code", 10, "letter-code", 5);
    static final long LOCKOUT_MILLIS = 24L * 60 * 60 * 1000;

    private final Map<String, Deque<Object>> outcomes = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, Date> lockedUntil = new HashMap<>();
    private final Map<String, Integer> calls = new HashMap<>();
    private boolean phoneVendorOperational = true;
    private final ProofingPolicy policy = new ProofingPolicy();

    FakeProofingServices() {
        // The seeds' values, as application.yml has them.
        policy.setInPersonPollInterval(Duration.ofMinutes(30));
        policy.setVendorRetryCycle("R3/PT5M");
    }

    FakeProofingServices register() {
        Mocks.register("proofingPolicy", policy);
        Mocks.register("journeyEndedListener", (ExecutionListener) execution -> count("journeyEnded"));
        Mocks.register("checkLockoutDelegate", (JavaDelegate) this::checkLockout);
        Mocks.register("recordFailedAttemptDelegate", (JavaDelegate) this::recordFailure);
        outcome("authenticateDocumentDelegate", ProcessIds.Variables.DOCUMENT_CHECK);
        outcome("validateCertificateDelegate", ProcessIds.Variables.CERTIFICATE_CHECK);
        outcome("resolveIdentityDelegate", ProcessIds.Variables.RESOLUTION_CHECK);
        outcome("confirmWithStateDmvDelegate", ProcessIds.Variables.RESOLUTION_CHECK);
        outcome("matchCertificateNameDelegate", ProcessIds.Variables.RESOLUTION_CHECK);
        outcome("checkPhoneRecordsDelegate", ProcessIds.Variables.PHONE_CHECK);
        outcome("pollEnrollmentDelegate", ProcessIds.Variables.ENROLLMENT_STATUS);
        Mocks.register("checkReviewEditsDelegate", (JavaDelegate) execution -> execution.setVariable(
                ProcessIds.Variables.REVIEW_EDITS_ALLOWED, !"REFUSE".equals(next("checkReviewEditsDelegate"))));
        Mocks.register("checkPhoneAvailabilityDelegate", (JavaDelegate) execution -> {
            count("checkPhoneAvailabilityDelegate");
            boolean locked = isLocked("phone") || isLocked("one-time-code");
            execution.setVariable(ProcessIds.Variables.PHONE_AVAILABLE, phoneVendorOperational && !locked);
        });
        outcome("sendOneTimeCodeDelegate", ProcessIds.Variables.CODE_DELIVERY);
        Mocks.register("prepareLetterDelegate", (JavaDelegate) execution -> count("prepareLetterDelegate"));
        Mocks.register("sendLetterDelegate", (JavaDelegate) execution -> {
            if ("UNDELIVERABLE".equals(next("sendLetterDelegate"))) {
                throw new IllegalStateException("Send a letter: FAIL [ADDRESS_UNDELIVERABLE]");
            }
            execution.setVariable(ProcessIds.Variables.LETTER_CODE_EXPIRES_AT,
                    new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(30).toMillis()));
        });
        Mocks.register("createEnrollmentDelegate", (JavaDelegate) execution -> {
            count("createEnrollmentDelegate");
            execution.setVariable(ProcessIds.Variables.ENROLLMENT_EXPIRES_AT,
                    new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(7).toMillis()));
        });
        Mocks.register("activateProfileDelegate", (JavaDelegate) execution -> {
            Object result = next("activateProfileDelegate");
            execution.setVariable(ProcessIds.Variables.PROFILE_ACTIVATION, result == null ? "ACTIVATED" : result.toString());
        });
        Mocks.register("expirePendingProfileDelegate", (JavaDelegate) execution -> count("expirePendingProfileDelegate"));
        Mocks.register("recordConsentDelegate", (JavaDelegate) execution -> count("recordConsentDelegate"));
        return this;
    }

    /** Queues what the named delegate reports on its next calls. */
    FakeProofingServices willReport(String delegate, Object... results) {
        outcomes.computeIfAbsent(delegate, d -> new ArrayDeque<>()).addAll(List.of(results));
        return this;
    }

    FakeProofingServices phoneVendorInOutage() {
        phoneVendorOperational = false;
        return this;
    }

    /** A lockout left by an earlier journey of the same person. */
    FakeProofingServices lockedOut(String throttleType, Date until) {
        failures.put(throttleType, LIMITS.get(throttleType));
        lockedUntil.put(throttleType, until);
        return this;
    }

    int failures(String throttleType) {
        return failures.getOrDefault(throttleType, 0);
    }

    int calls(String delegate) {
        return calls.getOrDefault(delegate, 0);
    }

    private void outcome(String delegate, String variable) {
        Mocks.register(delegate, (JavaDelegate) execution -> {
            Object result = next(delegate);
            execution.setVariable(variable, result == null ? defaultFor(variable) : result.toString());
        });
    }

    private static String defaultFor(String variable) {
        return ProcessIds.Variables.ENROLLMENT_STATUS.equals(variable) ? "PASSED" : "PASS";
    }

    private Object next(String delegate) {
        count(delegate);
        Deque<Object> queue = outcomes.get(delegate);
        return queue == null || queue.isEmpty() ? null : queue.poll();
    }

    private void count(String name) {
        calls.merge(name, 1, Integer::sum);
    }

    private void checkLockout(DelegateExecution execution) {
        String type = (String) execution.getVariable(ProcessIds.Variables.THROTTLE_TYPE);
        boolean locked = isLocked(type);
        execution.setVariable(ProcessIds.Variables.LOCKED, locked);
        execution.setVariable(ProcessIds.Variables.LOCKED_UNTIL, locked ? lockedUntil.get(type) : null);
        execution.setVariable(ProcessIds.Variables.ATTEMPTS_REMAINING, LIMITS.get(type) - failures(type));
    }

    private boolean isLocked(String type) {
        Date until = lockedUntil.get(type);
        if (until != null && !ClockUtil.getCurrentTime().before(until)) {
            lockedUntil.remove(type);
            failures.remove(type);
            return false;
        }
        return until != null;
    }

    private void recordFailure(DelegateExecution execution) {
        String type = (String) execution.getVariable(ProcessIds.Variables.THROTTLE_TYPE);
        int count = failures.merge(type, 1, Integer::sum);
        if (count >= LIMITS.get(type)) {
            lockedUntil.put(type, new Date(ClockUtil.getCurrentTime().getTime() + LOCKOUT_MILLIS));
        }
        execution.setVariable(ProcessIds.Variables.ATTEMPTS_REMAINING, Math.max(0, LIMITS.get(type) - count));
    }
}
