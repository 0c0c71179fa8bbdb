package io.proofline.vendors;

/** Whether repeating a call is harmless: only {@link #IDEMPOTENT} calls are retried by the adapter. */
public enum CallKind {
    /** A lookup or check: asking twice changes nothing at the vendor. */
    IDEMPOTENT,
    /** A send with an effect in the world (an SMS, a letter, an enrollment): attempted once. */
    SIDE_EFFECT
}
