package io.proofline.proofing;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.JourneyOwners;
import io.proofline.journey.JourneyEnded;
import io.proofline.journey.JourneyId;
import io.proofline.journey.ProcessIds;

/** Starts or resumes a person's proofing journey. One active journey per account. */
@Service
public class Journeys implements JourneyOwners {

    private static final Logger log = LoggerFactory.getLogger(Journeys.class);

    private final JourneyRepository repository;
    private final JourneyEngine engine;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Journeys(JourneyRepository repository, JourneyEngine engine, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.engine = engine;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Returns the account's active journey, or starts one. The journey row and the process instance
     * are written in one transaction, so a crash leaves either both or neither.
     */
    @Transactional
    public Journey startOrResume(AccountId account) {
        Optional<Journey> active = active(account);
        if (active.isPresent()) {
            return active.get();
        }
        JourneyId id = JourneyId.random();
        repository.insert(new ProofingJourney(id, account, clock.instant()));
        String processInstanceId = engine.startJourney(id);
        repository.attachProcessInstance(id.value(), processInstanceId);
        log.info("Started proofing journey {} as process instance {}", id, processInstanceId);
        return find(id).orElseThrow();
    }

    /**
     * The person gives up their active journey (to start again, or not at all). Its process ends and its
     * vault entry goes; lockouts stay, because they belong to the person, not to the journey.
     */
    @Transactional
    public void abandon(AccountId account) {
        active(account).ifPresent(journey -> {
            engine.cancel(journey.id(), "abandoned by the person");
            ended(journey.id());
        });
    }

    /** The account's active journey, if any; starts nothing. */
    public Optional<Journey> active(AccountId account) {
        return repository.findByActiveAccountId(account).map(ProofingJourney::journey);
    }

    /** The account's most recent journey, running or ended; starts nothing. */
    public Optional<Journey> latest(AccountId account) {
        return repository.findFirstByAccountIdOrderByStartedAtDesc(account).map(ProofingJourney::journey);
    }

    public Optional<Journey> find(JourneyId id) {
        return repository.findById(id.value()).map(ProofingJourney::journey);
    }

    /** Called when the journey's process instance ends, whatever the outcome. */
    @Transactional
    public void ended(JourneyId id) {
        repository.markEnded(id.value(), clock.instant());
        events.publishEvent(new JourneyEnded(id));
    }

    @Override
    public boolean belongsTo(JourneyId journey, AccountId account) {
        return find(journey).map(found -> found.accountId().equals(account)).orElse(false);
    }

    /** The person chose in person, or the letter (or was offered only the letter); the phone verifies at once. */
    @Override
    public boolean verifiesAddressLater(JourneyId journey) {
        return engine.variable(journey, ProcessIds.Variables.PROOFING_PATH)
                .filter(path -> ProcessIds.Path.IN_PERSON.name().equals(path)).isPresent()
                || engine.variable(journey, ProcessIds.Variables.ADDRESS_METHOD)
                        .filter(method -> ProcessIds.AddressMethod.LETTER.name().equals(method)).isPresent();
    }
}
