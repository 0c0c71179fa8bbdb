package io.proofline.vendors;

/**
 * Why a vendor said no, in terms the user can act on. Each feature has its own enum of reasons.
 */
public interface FailureReason {

    /** Stable code, safe for process variables, logs and metrics. */
    String code();

    /** What the user can do about it, e.g. "Retake the photo". */
    String advice();
}
