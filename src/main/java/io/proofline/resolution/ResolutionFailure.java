package io.proofline.resolution;

import io.proofline.journey.FailureReason;

/** Why identity resolution, or the card's name check, said no. */
public enum ResolutionFailure implements FailureReason {
    NAME_UNVERIFIED, DATE_OF_BIRTH_UNVERIFIED, SSN_UNVERIFIED, ADDRESS_UNVERIFIED, NOT_A_SINGLE_PERSON,
    /** The name typed on a PIV/CAC journey is not the certificate's. */
    NAME_DOES_NOT_MATCH_CARD;

    /**
     * A refused SSN is told only together with the name and date of birth, so that the page never says whether an
     * SSN exists.
     */
    @Override
    public String messageKey() {
        return this == SSN_UNVERIFIED || this == NOT_A_SINGLE_PERSON ? "verify.advice.detailsTogether"
                : FailureReason.super.messageKey();
    }
}
