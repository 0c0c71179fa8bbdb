package io.proofline.address;

import java.util.Objects;

import io.proofline.vendors.PostalAddress;

/** Personal data and a secret code: {@code toString} prints no values. */
public record LetterRequest(String firstName, String lastName, PostalAddress address, String code) {

    public LetterRequest {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
        return "LetterRequest[redacted]";
    }
}
