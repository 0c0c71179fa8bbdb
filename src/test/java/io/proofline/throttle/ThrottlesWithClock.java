package io.proofline.throttle;

import java.time.Clock;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Throttles on the application's own table with a clock a test moves, for tests outside this package. */
public final class ThrottlesWithClock {

    private ThrottlesWithClock() {
    }

    /** A new instance, as after a restart: everything it knows is in the database. */
    public static Throttles of(ApplicationContext context, Clock clock) {
        return new Throttles(context.getBean(ThrottleRepository.class), context.getBean(ThrottleProperties.class), clock,
                context.getBean(TransactionTemplate.class));
    }
}
