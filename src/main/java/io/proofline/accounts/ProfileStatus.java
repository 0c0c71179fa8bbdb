package io.proofline.accounts;

/** Where an account's verified profile stands. */
enum ProfileStatus {
    /** Encrypted under the current password; usable. */
    ACTIVE,
    /** The password was reset: the PII cannot be read until the personal key recovers it. */
    PASSWORD_RESET,
    /** Replaced by a newer profile of the same account. */
    SUPERSEDED
}
