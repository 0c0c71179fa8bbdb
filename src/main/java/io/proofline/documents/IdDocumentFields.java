package io.proofline.documents;

import java.time.LocalDate;

import io.proofline.vendors.PostalAddress;

/** The fields read from the ID. Personal data: {@code toString} prints no values. */
record IdDocumentFields(String firstName, String lastName, LocalDate dateOfBirth, PostalAddress address,
        String idNumber, String issuingState, LocalDate expiry) {

    @Override
    public String toString() {
        return "IdDocumentFields[redacted]";
    }
}
