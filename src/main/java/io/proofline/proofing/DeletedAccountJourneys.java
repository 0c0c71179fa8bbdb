package io.proofline.proofing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.proofline.accounts.AccountDeleted;

/**
 * A deleted account's journeys go with it: the running one ends as an abandoned one does (its process is cancelled
 * and its vault entry goes, through {@link io.proofline.journey.JourneyEnded}), then every journey's engine history
 * and row. Lockouts are not the journey's: they stay where {@code throttle} keeps them.
 */
@Component
class DeletedAccountJourneys {

    private static final Logger log = LoggerFactory.getLogger(DeletedAccountJourneys.class);

    private final Journeys journeys;
    private final JourneyRepository repository;
    private final JourneyEngine engine;

    DeletedAccountJourneys(Journeys journeys, JourneyRepository repository, JourneyEngine engine) {
        this.journeys = journeys;
        this.repository = repository;
        this.engine = engine;
    }

    /**
     * In the deletion's own transaction (not after it, as an application module listener would): the deletion is
     * all or nothing, and a journey left behind would name an account that no longer exists.
     */
    @EventListener
    void forget(AccountDeleted deleted) {
        journeys.abandon(deleted.account());
        var all = repository.findByAccountId(deleted.account());
        all.forEach(journey -> engine.erase(journey.journey().id()));
        repository.deleteByAccountId(deleted.account());
        log.info("Account {} deleted: {} journeys forgotten", deleted.account(), all.size());
    }
}
