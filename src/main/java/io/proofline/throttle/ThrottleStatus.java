package io.proofline.throttle;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a subject stands for one throttle type.
 *
 * @param remainingAttempts failures still allowed before the lockout (0 while locked)
 * @param lockedUntil       when the lockout ends, if locked now
 */
public record ThrottleStatus(int remainingAttempts, Optional<Instant> lockedUntil) {

    public boolean isLocked() {
        return lockedUntil.isPresent();
    }
}
