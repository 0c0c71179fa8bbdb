package io.proofline.address;

import io.proofline.vendors.FailureReason;

/** Why a proof-of-address step said no. */
public enum AddressFailure implements FailureReason {
    PHONE_NOT_TIED_TO_PERSON("Use a phone plan in your own name, or verify your address by mail"),
    NOT_A_US_NUMBER("Use a U.S. phone number, or verify your address by mail"),
    CODE_UNDELIVERABLE("Choose a voice call instead, or use another phone"),
    ADDRESS_UNDELIVERABLE("Check your mailing address"),
    ADDRESS_NOT_VALID_FOR_IN_PERSON("Check your address; it must be a U.S. residential address");

    private final String advice;

    AddressFailure(String advice) {
        this.advice = advice;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String advice() {
        return advice;
    }
}
