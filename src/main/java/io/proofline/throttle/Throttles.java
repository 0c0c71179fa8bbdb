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
 * it locks the subject for one window; a window that passes without a lockout starts the count afresh. Types with
 * growing delays ({@link ThrottleProperties.Limit}) wait instead, longer at each further failure.
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
        return count(subject, type).status();
    }

    /**
     * An attempt about to be evaluated (a password about to be derived), counted as a failure before it is, under the
     * row lock: parallel attempts cannot all pass a check made before any of them was counted. While the subject is
     * locked or waiting nothing is counted and the attempt is refused. When the attempt turns out right, {@link
     * #reset} or {@link #refund} it; when wrong, it is already counted.
     */
    public Attempt reserve(String subject, ThrottleType type) {
        return count(subject, type);
    }

    /**
     * @param admitted whether the attempt may be evaluated (it was counted); if not, {@code status} says until when
     * @param status   the status once this attempt has counted as a failure (or, refused, the lockout's end)
     */
    public record Attempt(boolean admitted, ThrottleStatus status) {
    }

    /**
     * Takes back one reserved attempt that turned out right, where a success should not wipe the count (a ceiling
     * across clients): one failure fewer, no lockout below the limit, and beyond it the wait this attempt started
     * ends now (the count, and so the next failure's longer wait, stays).
     */
    public void refund(String subject, ThrottleType type) {
        requireOpaque(subject);
        Limit limit = properties.limit(type);
        transactions.executeWithoutResult(tx -> repository.findForUpdateByKey(ThrottleCounter.Key.of(subject, type))
                .ifPresent(stored -> {
                    Counter counter = stored.counter();
                    int attempts = Math.max(0, counter.attempts() - 1);
                    Instant now = clock.instant();
                    Instant lockedUntil = attempts < limit.maxAttempts() || counter.lockedUntil() == null ? null
                            : counter.lockedUntil().isAfter(now) ? now : counter.lockedUntil();
                    stored.count(new Counter(attempts, counter.windowStartedAt(), lockedUntil));
                }));
    }

    public void reset(String subject, ThrottleType type) {
        requireOpaque(subject);
        repository.deleteByKey(ThrottleCounter.Key.of(subject, type));
    }

    /**
     * A deleted account's counters: those whose subject is its id, alone or followed by a client's fingerprint
     * ({@code id:client}). Counters keyed by a fingerprint (an email address's, a client's, for sign-up and reset
     * links and for sign-ins of an address without an account) are not the account's and stay, as Login.gov keeps its
     * lockouts: deleting an account, and signing up again, must never be a way to end a wait.
     */
    public void forgetAccount(String accountSubject) {
        requireOpaque(accountSubject);
        repository.deleteBySubjectOrPrefix(accountSubject, accountSubject + ":%");
    }

    private Attempt count(String subject, ThrottleType type) {
        requireOpaque(subject);
        Limit limit = properties.limit(type);
        try {
            return transactions.execute(tx -> countFailure(subject, type, limit));
        } catch (DuplicateKeyException firstFailureRace) {
            // Another node inserted the first failure at the same moment: count on top of its row.
            return transactions.execute(tx -> countFailure(subject, type, limit));
        }
    }

    private Attempt countFailure(String subject, ThrottleType type, Limit limit) {
        Instant now = clock.instant();
        ThrottleCounter.Key key = ThrottleCounter.Key.of(subject, type);
        Optional<ThrottleCounter> stored = repository.findForUpdateByKey(key);
        Counter counter = current(stored.map(ThrottleCounter::counter), limit, now);
        if (isLocked(counter, now)) {
            return new Attempt(false, status(counter, limit, now));
        }
        int attempts = counter.attempts() + 1;
        Instant windowStart = counter.attempts() == 0 ? now : counter.windowStartedAt();
        Instant lockedUntil = attempts >= limit.maxAttempts() ? now.plus(limit.delay(attempts - limit.maxAttempts()))
                : null;
        counter = new Counter(attempts, windowStart, lockedUntil);
        if (stored.isPresent()) {
            stored.get().count(counter); // written at commit, under the row lock
        } else {
            repository.insert(new ThrottleCounter(key, counter));
        }
        if (lockedUntil != null) {
            log.info("Throttle {} locked subject {} until {}", type, subject, lockedUntil);
        }
        return new Attempt(true, status(counter, limit, now));
    }

    private static boolean isLocked(Counter counter, Instant now) {
        return counter.lockedUntil() != null && now.isBefore(counter.lockedUntil());
    }

    /**
     * The counter as it stands now: an expired lockout or window counts as no failures at all. With growing delays, a
     * wait that has ended is remembered for one more window (the next failure waits twice as long), then forgotten.
     */
    private static Counter current(Optional<Counter> stored, Limit limit, Instant now) {
        Counter fresh = new Counter(0, now, null);
        if (stored.isEmpty()) {
            return fresh;
        }
        Counter counter = stored.get();
        if (counter.lockedUntil() != null) {
            Instant forgottenAt = limit.growsDelays() ? counter.lockedUntil().plus(limit.window()) : counter.lockedUntil();
            return now.isBefore(forgottenAt) ? counter : fresh;
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
