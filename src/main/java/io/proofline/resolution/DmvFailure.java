package io.proofline.resolution;

import io.proofline.vendors.FailureReason;

/** Why the issuing state did not confirm the ID. */
public enum DmvFailure implements FailureReason {
    ID_NUMBER_UNVERIFIED("Check the ID number, or try again with a photo of a current ID"),
    NAME_UNVERIFIED("Check that your name matches your ID"),
    DATE_OF_BIRTH_UNVERIFIED("Check your date of birth"),
    EXPIRY_UNVERIFIED("Use a current, unexpired ID");

    private final String advice;

    DmvFailure(String advice) {
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
