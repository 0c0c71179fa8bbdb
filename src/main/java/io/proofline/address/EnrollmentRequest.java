package io.proofline.address;

import java.util.Objects;

import io.proofline.vendors.PostalAddress;

/**
 * @param uniqueId our opaque id for the applicant at USPS (never personal data)
 * Personal data: {@code toString} prints no values.
 */
public record EnrollmentRequest(String uniqueId, String firstName, String lastName, PostalAddress address) {

    public EnrollmentRequest {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public String toString() {
        return "EnrollmentRequest[uniqueId=" + uniqueId + ", redacted]";
    }
}
