package io.proofline.sharing;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.accounts.AccountId;
import io.proofline.journey.JourneyId;

/**
 * Seed 004: "The user provides explicit consent to allow us to share any data with a service provider."
 * A consent names the agency and the attributes; nothing is shared without one.
 */
@Service
public class Consents {

    private final ConsentRepository consents;
    private final Clock clock;
    private final SharingProperties sharing;

    Consents(ConsentRepository consents, Clock clock, SharingProperties sharing) {
        this.consents = consents;
        this.clock = clock;
        this.sharing = sharing;
    }

    /** Records the consent given at the end of a journey (once, however often the step runs). */
    @Transactional
    public void recordConsent(AccountId account, JourneyId journey) {
        if (!consents.existsByJourneyId(journey.value())) {
            consents.insert(new ConsentRecord(account, journey.value(), sharing.agency(),
                    String.join(",", sharing.attributes()), clock.instant()));
        }
    }

    public boolean hasConsented(AccountId account) {
        return consents.existsByAccountId(account);
    }
}
