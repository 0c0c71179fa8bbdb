package io.proofline.accounts;

import io.proofline.journey.JourneyId;

/**
 * Whose journey a journey is, as the proofing feature knows it: a profile is sealed only from the account's
 * own journey. Implemented where journeys live, so accounts need not know how.
 */
public interface JourneyOwners {

    boolean belongsTo(JourneyId journey, AccountId account);
}
