package io.proofline.system;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.proofline.throttle.Throttles;

/**
 * Actuator's writes are an operator's (see {@link ActuatorWritesFilter}); the filter sees only actuator's paths. Cockpit's
 * sign-in is throttled per operator ({@link CockpitSignInThrottle}).
 */
@Configuration(proxyBeanMethods = false)
class ActuatorConfiguration {

    @Bean
    FilterRegistrationBean<ActuatorWritesFilter> actuatorWritesFilter(OperatorCredentials operators, Throttles throttles,
            Clock clock) {
        FilterRegistrationBean<ActuatorWritesFilter> registration = new FilterRegistrationBean<>(
                new ActuatorWritesFilter(operators, throttles, clock));
        registration.addUrlPatterns("/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CockpitSignInThrottle> cockpitSignInThrottle(Throttles throttles, Clock clock) {
        FilterRegistrationBean<CockpitSignInThrottle> registration = new FilterRegistrationBean<>(
                new CockpitSignInThrottle(throttles, clock));
        registration.addUrlPatterns("/camunda/api/admin/auth/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
