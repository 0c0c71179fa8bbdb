package io.proofline.proofing;

import java.time.Instant;
import java.util.Map;

/**
 * Where a journey stands, as the wizard needs it: the step to show and what to say there. Built from
 * the engine's state, never from anything the browser sent.
 *
 * @param kind              what the person can do now
 * @param activityId        the BPMN id of the step (a user task, a wait, or the check running)
 * @param lockedUntil       end of the lockout being waited out, when {@code kind} is WAITING for one
 * @param attemptsRemaining attempts left before the current step locks, when known
 * @param outcomes          the latest check outcomes (PASS / FAIL / VENDOR_ERROR) by variable name, and the
 *                          reason codes of a failed document or card check (comma-separated) under theirs
 */
public record JourneyStep(Kind kind, String activityId, Instant lockedUntil, Integer attemptsRemaining,
        Map<String, String> outcomes) {

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

    public boolean is(String stepId) {
        return stepId.equals(activityId);
    }
}
