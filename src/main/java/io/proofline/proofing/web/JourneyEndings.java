package io.proofline.proofing.web;

import java.util.Set;

import org.springframework.stereotype.Component;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.IdentityVerifications;
import io.proofline.proofing.JourneyEngine;
import io.proofline.journey.JourneyId;
import io.proofline.journey.ProcessIds;
import io.proofline.proofing.Journeys;

/**
 * What the done page may say, never a guess: "verified" only once the profile is active and the journey's last step is done,
 * "not verified" only when the journey reached one of the failure ends of its model. A journey the engine no
 * longer runs but that neither says yet (a person saw "not verified" right after the last step, while the database
 * said verified) is still being finished: the checking page, which moves on by itself.
 */
@Component
class JourneyEndings {

    /** The end events of identity-proofing that mean the person was not verified. */
    static final Set<String> FAILURE_ENDS = Set.of(ProcessIds.Activities.NOT_VERIFIED_IN_PERSON,
            ProcessIds.Activities.NOT_VERIFIED_SSN_HELD_ELSEWHERE);

    enum Ending { VERIFIED, NOT_VERIFIED, NOT_YET_KNOWN }

    private final IdentityVerifications verifications;
    private final JourneyEngine engine;
    private final Journeys journeys;

    JourneyEndings(IdentityVerifications verifications, JourneyEngine engine, Journeys journeys) {
        this.verifications = verifications;
        this.engine = engine;
        this.journeys = journeys;
    }

    boolean isVerified(AccountId account) {
        // Verified once the profile is active and the journey's last step (the answer to the agency) is behind them.
        return verifications.verifiedAt(account).isPresent() && journeys.active(account).isEmpty();
    }

    /** For a journey the engine says has ended. */
    Ending of(AccountId account, JourneyId journey) {
        if (isVerified(account)) {
            return Ending.VERIFIED;
        }
        return endedAtAFailure(journey) ? Ending.NOT_VERIFIED : Ending.NOT_YET_KNOWN;
    }

    /**
     * Whether the person's last journey ended unverified and no other has started since: the page says so, with the
     * way forward, instead of silently starting a new journey at its first step.
     */
    boolean lastJourneyFailed(AccountId account) {
        return journeys.active(account).isEmpty()
                && journeys.latest(account).map(journey -> endedAtAFailure(journey.id())).orElse(false);
    }

    private boolean endedAtAFailure(JourneyId journey) {
        return engine.endEvent(journey).filter(FAILURE_ENDS::contains).isPresent();
    }
}
