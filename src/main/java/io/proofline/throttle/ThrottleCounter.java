package io.proofline.throttle;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.proofline.throttle.ThrottleRepository.Counter;

/** One subject's failures of one type: a row of {@code throttle_counter}. */
@Entity
@Table(name = "throttle_counter")
class ThrottleCounter {

    /** An opaque subject (an account id or a fingerprint, never PII) and a throttle type's name. */
    @Embeddable
    record Key(String subject, String throttleType) implements Serializable {

        static Key of(String subject, ThrottleType type) {
            return new Key(subject, type.name());
        }
    }

    @EmbeddedId
    private Key key;

    private int attempts;

    private Instant windowStartedAt;

    private Instant lockedUntil;

    protected ThrottleCounter() {
        // for JPA
    }

    ThrottleCounter(Key key, Counter counter) {
        this.key = key;
        count(counter);
    }

    Counter counter() {
        return new Counter(attempts, windowStartedAt, lockedUntil);
    }

    void count(Counter counter) {
        this.attempts = counter.attempts();
        this.windowStartedAt = counter.windowStartedAt();
        this.lockedUntil = counter.lockedUntil();
    }
}
