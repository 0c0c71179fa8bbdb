package io.proofline.address;

import java.time.LocalDate;
import java.util.Objects;

import io.proofline.vendors.PostalAddress;

/** Personal data: {@code toString} prints no values. */
public record PhoneRecordRequest(String phone, String firstName, String lastName, LocalDate dateOfBirth, String ssn,
        PostalAddress address) {

    public PhoneRecordRequest {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(ssn, "ssn");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public String toString() {
        return "PhoneRecordRequest[redacted]";
    }
}
