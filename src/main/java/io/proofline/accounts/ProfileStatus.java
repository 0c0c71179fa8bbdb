package io.proofline.accounts;

/**
 * Where an account's verified profile stands. Only an ACTIVE or PASSWORD_RESET profile holds its SSN (its
 * {@code claimed_ssn_fingerprint}): one whose address is not yet verified claims nothing, so that a letter never
 * answered or a failed Post Office visit cannot keep the SSN's true owner from verifying.
 */
public enum ProfileStatus {
    /** Encrypted under the current password; usable. Holds its SSN. */
    ACTIVE,
    /** The password was reset: the PII cannot be read until the personal key recovers it. Holds its SSN. */
    PASSWORD_RESET,
    /**
     * After a password reset the person had no personal key: the PII can never be read again. Holds no SSN, so that
     * its owner can verify again.
     */
    DEACTIVATED,
    /** Replaced by a newer profile of the same account. */
    SUPERSEDED,
    /**
     * Encrypted at password re-entry while the address still awaits its letter code or Post Office visit; becomes
     * ACTIVE, claiming the SSN, when that verifies the address. Holds no SSN.
     */
    PENDING,
    /** A pending profile whose letter code expired; a new letter's code may still activate it. Holds no SSN. */
    EXPIRED,
    /**
     * Never verified: its journey ended without the address verified (the Post Office visit failed or its
     * enrollment expired, the journey abandoned), or another profile claimed the SSN first. Holds no SSN.
     */
    FAILED;

    /** Whether a profile in this status holds (claims) its SSN against every other account. */
    boolean holdsSsn() {
        return this == ACTIVE || this == PASSWORD_RESET;
    }
}
