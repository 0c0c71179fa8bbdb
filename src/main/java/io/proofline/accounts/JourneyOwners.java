package io.proofline.accounts;

import io.proofline.journey.JourneyId;

/**
 * Whose journey a journey is, as the proofing feature knows it: a profile is sealed only from the account's
 * own journey. Implemented where journeys live, so accounts need not know how.
 */
public interface JourneyOwners {

    boolean belongsTo(JourneyId journey, AccountId account);

    /**
     * Whether the journey verifies the address only after the password is re-entered: by a letter's code or at
     * a Post Office. Its profile is then sealed as pending and claims its SSN only when activated.
     */
    boolean verifiesAddressLater(JourneyId journey);
}
