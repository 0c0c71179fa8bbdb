package io.proofline.pivcac;

import io.proofline.vendors.FailureReason;

/** Why a presented certificate was refused. */
public enum PivCacFailure implements FailureReason {
    CERTIFICATE_EXPIRED("Your card's certificate has expired or is not valid yet: contact your card office"),
    CERTIFICATE_REVOKED("Your card's certificate has been revoked: contact your card office"),
    UNTRUSTED_ISSUER("Use a PIV or CAC card issued by a federal agency"),
    WRONG_KEY_USAGE("Choose your card's authentication certificate (not the signing or encryption one)"),
    INVALID_CHAIN("Your card's certificate could not be checked: try again, or verify with a state ID"),
    NO_NAME_IN_CERTIFICATE("Your card's certificate does not carry your name: verify with a state ID");

    private final String advice;

    PivCacFailure(String advice) {
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
