package io.proofline.vault;

import java.time.LocalDate;

/**
 * What the strong evidence itself says about the person: the fields read from a state ID, or the name on a
 * PIV/CAC certificate. Kept apart from what the person typed, so that the rules "name and DOB come from
 * the ID" and "the name must match the card" can be checked. {@link #toString()} prints no value.
 *
 * @param source        {@code STATE_ID} or {@code PIV_CAC}
 * @param idNumber      state ID number (null for PIV/CAC)
 * @param issuingState  two-letter issuing state (null for PIV/CAC)
 * @param dateOfBirth   as printed on the ID (null for PIV/CAC)
 * @param expiry        ID expiry (null for PIV/CAC)
 */
public record IdentityEvidence(String source, String firstName, String lastName, LocalDate dateOfBirth,
        String idNumber, String issuingState, LocalDate expiry) {

    @Override
    public String toString() {
        return "IdentityEvidence[source=" + source + ", redacted]";
    }
}
