package io.proofline.pivcac;

import io.proofline.journey.FailureReason;

/** Why a presented certificate was refused; the advice is {@code verify.advice.<name>} in the message bundles. */
public enum PivCacFailure implements FailureReason {
    CERTIFICATE_EXPIRED, CERTIFICATE_REVOKED, UNTRUSTED_ISSUER, WRONG_KEY_USAGE, INVALID_CHAIN, NO_NAME_IN_CERTIFICATE
}
