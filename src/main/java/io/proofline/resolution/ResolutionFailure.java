package io.proofline.resolution;

import io.proofline.vendors.FailureReason;

/** Why identity resolution said no. */
public enum ResolutionFailure implements FailureReason {
    NAME_UNVERIFIED("Check that your name matches your ID"),
    DATE_OF_BIRTH_UNVERIFIED("Check your date of birth"),
    SSN_UNVERIFIED("Check your Social Security number"),
    ADDRESS_UNVERIFIED("Check your address, or use the address on your ID"),
    NOT_A_SINGLE_PERSON("Check that your name, date of birth and Social Security number are all yours");

    private final String advice;

    ResolutionFailure(String advice) {
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
