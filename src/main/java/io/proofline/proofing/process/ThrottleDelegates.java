package io.proofline.proofing.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.proofline.journey.ProcessIds;
import io.proofline.proofing.Journeys;
import io.proofline.throttle.ThrottleStatus;
import io.proofline.throttle.ThrottleType;
import io.proofline.throttle.Throttles;

/** "Check for a … lockout" and "Count a failed …": the counters live outside the journey, per account. */
@Configuration(proxyBeanMethods = false)
class ThrottleDelegates {

    @Bean
    JavaDelegate checkLockoutDelegate(Throttles throttles, Journeys journeys) {
        return execution -> write(execution, throttles.check(subject(journeys, execution), type(execution)));
    }

    @Bean
    JavaDelegate recordFailedAttemptDelegate(Throttles throttles, Journeys journeys) {
        return execution -> write(execution,
                throttles.recordFailure(subject(journeys, execution), type(execution)));
    }

    /** The journey's account, whose counters they are. */
    private static String subject(Journeys journeys, DelegateExecution execution) {
        return JourneyDelegates.account(journeys, execution).toString();
    }

    private static ThrottleType type(DelegateExecution execution) {
        return ThrottleType.named((String) execution.getVariable(ProcessIds.Variables.THROTTLE_TYPE));
    }

    private static void write(DelegateExecution execution, ThrottleStatus status) {
        execution.setVariable(ProcessIds.Variables.LOCKED, status.isLocked());
        execution.setVariable(ProcessIds.Variables.LOCKED_UNTIL, status.lockedUntil().map(Date::from).orElse(null));
        execution.setVariable(ProcessIds.Variables.ATTEMPTS_REMAINING, status.remainingAttempts());
    }
}
