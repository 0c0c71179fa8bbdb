package io.proofline.throttle;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code proofline.throttle.<type>.max-attempts} and {@code .window}: after {@code maxAttempts} failures
 * within {@code window} of the first, the subject is locked for {@code window}.
 *
 * <p>A type that also sets {@code .first-delay} (and {@code .max-delay}) waits instead of locking for a window: the
 * failure that reaches the limit starts a wait of {@code first-delay} before the next attempt is even evaluated, each
 * further failure doubles it up to {@code max-delay}, and the count is forgotten once {@code window} passes after a
 * wait's end without a new failure.
 */
@ConfigurationProperties("proofline")
public record ThrottleProperties(Map<String, Limit> throttle) {

    public ThrottleProperties {
        throttle = throttle == null ? Map.of() : Map.copyOf(throttle);
    }

    public record Limit(int maxAttempts, Duration window, Duration firstDelay, Duration maxDelay) {
        @ConstructorBinding
        public Limit {
            if (maxAttempts < 1 || window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("A throttle needs max-attempts >= 1 and a positive window");
            }
            if (firstDelay != null && (firstDelay.isNegative() || firstDelay.isZero())) {
                throw new IllegalArgumentException("A throttle's first-delay must be positive");
            }
            if (firstDelay == null && maxDelay != null) {
                throw new IllegalArgumentException("A throttle's max-delay needs a first-delay");
            }
            if (firstDelay != null) {
                maxDelay = maxDelay == null ? firstDelay : maxDelay;
                if (maxDelay.compareTo(firstDelay) < 0) {
                    throw new IllegalArgumentException("A throttle's max-delay cannot be shorter than its first-delay");
                }
            }
        }

        /** A plain lockout: {@code maxAttempts} failures within {@code window} lock for {@code window}. */
        public Limit(int maxAttempts, Duration window) {
            this(maxAttempts, window, null, null);
        }

        boolean growsDelays() {
            return firstDelay != null;
        }

        /** The wait after the {@code pastLimit}-th failure beyond the limit (0: the one that reached it). */
        Duration delay(int pastLimit) {
            if (!growsDelays()) {
                return window;
            }
            Duration delay = firstDelay;
            for (int i = 0; i < pastLimit && delay.compareTo(maxDelay) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    /** How long a lockout of this type lasts (its window, or its first wait), as a person is told before it happens. */
    public Duration lockoutLength(ThrottleType type) {
        return limit(type).delay(0);
    }

    Limit limit(ThrottleType type) {
        Limit limit = throttle.get(type.name());
        if (limit == null) {
            throw new IllegalArgumentException("No limits configured for throttle type '" + type
                    + "': set proofline.throttle." + type + ".max-attempts and .window");
        }
        return limit;
    }
}
