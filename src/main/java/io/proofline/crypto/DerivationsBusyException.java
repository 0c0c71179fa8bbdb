package io.proofline.crypto;

import java.time.Duration;

/**
 * Every scrypt slot was taken for longer than the configured wait: nothing was checked and nothing counted; the
 * person tries again in a moment.
 */
public class DerivationsBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public DerivationsBusyException(Duration waited) {
        super("every password check is busy: try again in a moment");
        this.retryAfter = waited.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : waited;
    }

    /** When to try again: about as long as the wait that ran out. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
