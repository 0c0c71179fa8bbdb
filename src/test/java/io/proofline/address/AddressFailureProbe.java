package io.proofline.address;

import io.proofline.journey.FailureReason;

/** A failure reason for tests outside this package. */
public final class AddressFailureProbe {

    private AddressFailureProbe() {
    }

    public static FailureReason any() {
        return AddressFailure.PHONE_NOT_TIED_TO_PERSON;
    }
}
