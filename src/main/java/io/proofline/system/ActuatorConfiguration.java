package io.proofline.system;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.proofline.crypto.Fingerprints;
import io.proofline.throttle.Throttles;

/**
 * Cockpit's sign-in is throttled per operator and client ({@link CockpitSignInThrottle}, {@link OperatorSignInThrottle});
 * actuator's writes are an operator's ({@link ActuatorSecurity}).
 */
@Configuration(proxyBeanMethods = false)
class ActuatorConfiguration {

    @Bean
    FilterRegistrationBean<CockpitSignInThrottle> cockpitSignInThrottle(Throttles throttles, Fingerprints fingerprints,
            Clock clock) {
        FilterRegistrationBean<CockpitSignInThrottle> registration = new FilterRegistrationBean<>(
                new CockpitSignInThrottle(new OperatorSignInThrottle(throttles, fingerprints, clock)));
        registration.addUrlPatterns("/camunda/api/admin/auth/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
