package io.proofline.throttle;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code proofline.throttle.<type>.max-attempts} and {@code .window}: after {@code maxAttempts} failures
 * within {@code window} of the first, the subject is locked for {@code window}.
 */
@ConfigurationProperties("proofline")
public record ThrottleProperties(Map<String, Limit> throttle) {

    public ThrottleProperties {
        throttle = throttle == null ? Map.of() : Map.copyOf(throttle);
    }

    public record Limit(int maxAttempts, Duration window) {
        public Limit {
            if (maxAttempts < 1 || window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("A throttle needs max-attempts >= 1 and a positive window");
            }
        }
    }

    /** How long a lockout of this type lasts (its window), as a person is told before it happens. */
    public Duration lockoutLength(ThrottleType type) {
        return limit(type).window();
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
