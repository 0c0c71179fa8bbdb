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
 * @param certificateSubject the card certificate's subject DN, RFC 2253 (null for a state ID, and for a card
 *                           evidence sealed before it was kept)
 * @param certificateIssuer  the card certificate's issuer DN, RFC 2253 (null likewise)
 */
public record IdentityEvidence(String source, String firstName, String lastName, LocalDate dateOfBirth,
        String idNumber, String issuingState, LocalDate expiry, String certificateSubject, String certificateIssuer) {

    @Override
    public String toString() {
        return "IdentityEvidence[source=" + source + ", redacted]";
    }
}
