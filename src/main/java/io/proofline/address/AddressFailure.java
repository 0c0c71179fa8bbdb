package io.proofline.address;

import io.proofline.journey.FailureReason;

/** Why a proof-of-address step said no; the advice is {@code verify.advice.<name>} in the message bundles. */
public enum AddressFailure implements FailureReason {
    PHONE_NOT_TIED_TO_PERSON, NOT_A_US_NUMBER, CODE_UNDELIVERABLE, ADDRESS_UNDELIVERABLE,
    ADDRESS_NOT_VALID_FOR_IN_PERSON
}
