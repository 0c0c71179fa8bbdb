package io.proofline.address;

/** Where an in-person proofing enrollment stands. */
public enum EnrollmentStatus {
    /** Not yet been to a Post Office. */
    PENDING,
    PASSED,
    FAILED,
    /** The enrollment's validity ran out before a visit. */
    EXPIRED
}
