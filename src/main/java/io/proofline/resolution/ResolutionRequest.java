package io.proofline.resolution;

import java.time.LocalDate;
import java.util.Objects;

import io.proofline.vendors.PostalAddress;

/** Personal data: {@code toString} prints no values. */
public record ResolutionRequest(String firstName, String lastName, LocalDate dateOfBirth, String ssn,
        PostalAddress address) {

    public ResolutionRequest {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(ssn, "ssn");
        Objects.requireNonNull(address, "address");
    }

    /** The SSN as nine digits, whatever dashes or spaces the user typed. */
    public String ssnDigits() {
        return ssn.replaceAll("[^0-9]", "");
    }

    @Override
    public String toString() {
        return "ResolutionRequest[redacted]";
    }
}
