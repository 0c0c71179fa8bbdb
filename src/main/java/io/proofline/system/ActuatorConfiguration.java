package io.proofline.system;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.proofline.throttle.Throttles;

/**
 * Cockpit's sign-in is throttled per operator ({@link CockpitSignInThrottle}); actuator's writes are an operator's
 * ({@link ActuatorSecurity}).
 */
@Configuration(proxyBeanMethods = false)
class ActuatorConfiguration {

    @Bean
    FilterRegistrationBean<CockpitSignInThrottle> cockpitSignInThrottle(Throttles throttles, Clock clock) {
        FilterRegistrationBean<CockpitSignInThrottle> registration = new FilterRegistrationBean<>(
                new CockpitSignInThrottle(throttles, clock));
        registration.addUrlPatterns("/camunda/api/admin/auth/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
