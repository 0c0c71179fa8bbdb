package io.proofline.resolution;

import io.proofline.journey.FailureReason;

/**
 * Why the issuing state did not confirm the ID. Its name and date-of-birth codes are identity resolution's
 * ({@link ResolutionFailure}): the person gets the same advice whichever check refused them.
 */
public enum DmvFailure implements FailureReason {
    ID_NUMBER_UNVERIFIED, NAME_UNVERIFIED, DATE_OF_BIRTH_UNVERIFIED, EXPIRY_UNVERIFIED
}
