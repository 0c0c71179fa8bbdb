package io.proofline.throttle;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.proofline.throttle.ThrottleProperties.Limit;
import io.proofline.throttle.ThrottleRepository.Counter;

/**
 * Counts failures per subject and type. A window opens at the first failure; reaching the maximum within
 * it locks the subject for one window; a window that passes without a lockout starts the count afresh.
 */
@Service
public class Throttles {

    private static final Logger log = LoggerFactory.getLogger(Throttles.class);

    private final ThrottleRepository repository;
    private final ThrottleProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Throttles(ThrottleRepository repository, ThrottleProperties properties, Clock clock, TransactionTemplate transactions) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.transactions = transactions;
    }

    public ThrottleStatus check(String subject, ThrottleType type) {
        requireOpaque(subject);
        Limit limit = properties.limit(type);
        Instant now = clock.instant();
        Optional<Counter> stored = repository.findCounterByKey(ThrottleCounter.Key.of(subject, type));
        return status(current(stored, limit, now), limit, now);
    }

    /** Counts one failure; returns the status after it. A failure while locked does not extend the lockout. */
    public ThrottleStatus recordFailure(String subject, ThrottleType type) {
        requireOpaque(subject);
        Limit limit = properties.limit(type);
        try {
            return transactions.execute(tx -> countFailure(subject, type, limit));
        } catch (DuplicateKeyException firstFailureRace) {
            // Another node inserted the first failure at the same moment: count on top of its row.
            return transactions.execute(tx -> countFailure(subject, type, limit));
        }
    }

    public void reset(String subject, ThrottleType type) {
        requireOpaque(subject);
        repository.deleteByKey(ThrottleCounter.Key.of(subject, type));
    }

    private ThrottleStatus countFailure(String subject, ThrottleType type, Limit limit) {
        Instant now = clock.instant();
        ThrottleCounter.Key key = ThrottleCounter.Key.of(subject, type);
        Optional<ThrottleCounter> stored = repository.findForUpdateByKey(key);
        Counter counter = current(stored.map(ThrottleCounter::counter), limit, now);
        if (counter.lockedUntil() == null) {
            int attempts = counter.attempts() + 1;
            Instant windowStart = counter.attempts() == 0 ? now : counter.windowStartedAt();
            Instant lockedUntil = attempts >= limit.maxAttempts() ? now.plus(limit.window()) : null;
            counter = new Counter(attempts, windowStart, lockedUntil);
            if (stored.isPresent()) {
                stored.get().count(counter); // written at commit, under the row lock
            } else {
                repository.insert(new ThrottleCounter(key, counter));
            }
            if (lockedUntil != null) {
                log.info("Throttle {} locked subject {} until {}", type, subject, lockedUntil);
            }
        }
        return status(counter, limit, now);
    }

    /** The counter as it stands now: an expired lockout or window counts as no failures at all. */
    private static Counter current(Optional<Counter> stored, Limit limit, Instant now) {
        Counter fresh = new Counter(0, now, null);
        if (stored.isEmpty()) {
            return fresh;
        }
        Counter counter = stored.get();
        if (counter.lockedUntil() != null) {
            return now.isBefore(counter.lockedUntil()) ? counter : fresh;
        }
        return now.isBefore(counter.windowStartedAt().plus(limit.window())) ? counter : fresh;
    }

    private static ThrottleStatus status(Counter counter, Limit limit, Instant now) {
        if (counter.lockedUntil() != null && now.isBefore(counter.lockedUntil())) {
            return new ThrottleStatus(0, Optional.of(counter.lockedUntil()));
        }
        return new ThrottleStatus(Math.max(0, limit.maxAttempts() - counter.attempts()), Optional.empty());
    }

    /** Subjects are ids or fingerprints; refusing anything else keeps an email or a name out of the table. */
    private static void requireOpaque(String subject) {
        if (subject == null || !subject.matches("[A-Za-z0-9_:-]{8,128}")) {
            throw new IllegalArgumentException("A throttle subject must be an opaque id or fingerprint");
        }
    }
}
