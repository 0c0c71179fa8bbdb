package io.proofline.email;

import io.proofline.journey.FailureReason;

/** Why the email vendor refused a message. */
public enum EmailFailure implements FailureReason {
    /** The address cannot receive mail (the vendor's hard bounce or suppression list). */
    UNDELIVERABLE
}
