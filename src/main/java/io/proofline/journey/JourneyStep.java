package io.proofline.journey;

import java.time.Instant;
import java.util.List;

import io.proofline.journey.ProcessIds.Outcome;

/**
 * Where a journey stands, as the wizard needs it: the step to show and what to say there. Built from
 * the engine's state, never from anything the browser sent.
 *
 * @param kind              what the person can do now
 * @param activityId        the BPMN id of the step (a user task, a wait, or the check running)
 * @param lockedUntil       end of the lockout being waited out, when {@code kind} is WAITING for one
 * @param attemptsRemaining attempts left before the current step locks, when known
 * @param check             the latest outcome of the check this step is shown again after
 *                          ({@link ProcessIds#CHECK_SHOWN_AT}); null when there is none yet
 */
public record JourneyStep(Kind kind, String activityId, Instant lockedUntil, Integer attemptsRemaining,
        Check check) {

    public enum Kind {
        /** A person's step: show its page. */
        TASK,
        /** A check runs (a vendor call is queued or in progress): show "we are checking". */
        CHECKING,
        /** A check failed again and again and is now an incident for operators: "temporarily unavailable". */
        UNAVAILABLE,
        /** Waiting on the clock or on someone else: a lockout, a letter, a Post Office visit. */
        WAITING,
        /** The journey is over. */
        ENDED
    }

    /** A check's outcome and, when it failed, its reason codes (a {@link FailureReason}'s code each). */
    public record Check(Outcome outcome, List<String> reasons) {

        public Check {
            reasons = List.copyOf(reasons);
        }
    }

    public static JourneyStep of(Kind kind, String activityId) {
        return new JourneyStep(kind, activityId, null, null, null);
    }

    public boolean is(String stepId) {
        return stepId.equals(activityId);
    }

    public boolean isTask(String stepId) {
        return kind == Kind.TASK && is(stepId);
    }

    /** Whether the step's check came out this way last time. */
    public boolean checkWas(Outcome outcome) {
        return check != null && check.outcome() == outcome;
    }

    /** The reason codes of the check's failure; empty unless it failed. */
    public List<String> failureReasons() {
        return checkWas(Outcome.FAIL) ? check.reasons() : List.of();
    }
}
