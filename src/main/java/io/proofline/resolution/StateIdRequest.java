package io.proofline.resolution;

import java.time.LocalDate;
import java.util.Objects;

/** Personal data: {@code toString} prints no values. {@code expiry} may be null (no expiry printed). */
public record StateIdRequest(String idNumber, String issuingState, String firstName, String lastName,
        LocalDate dateOfBirth, LocalDate expiry) {

    public StateIdRequest {
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(issuingState, "issuingState");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    }

    @Override
    public String toString() {
        return "StateIdRequest[redacted]";
    }
}
