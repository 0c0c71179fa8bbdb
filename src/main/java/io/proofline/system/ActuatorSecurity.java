package io.proofline.system;

import java.io.IOException;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import io.proofline.crypto.Fingerprints;
import io.proofline.throttle.Throttles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Actuator on Spring Security. What changes the service (today: an operator's vendor outage switch) needs an
 * operator's user name and password (HTTP Basic; the Cockpit account), and every change is logged with who made it.
 * Another staff member's right password (an analyst's, a reviewer's) is refused with 403.
 * Reading stays open on the management port (health's status and metrics are for load balancers and Prometheus); a
 * read that brings an operator's credentials is signed in as one, which shows health's details
 * ({@code show-details: when-authorized}). Wrong passwords are throttled per operator name and client, counted with
 * Cockpit's sign-in ({@link CockpitSignInThrottle}, {@link OperatorSignInThrottle}). No session: each request brings its credentials.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    static final String OPERATOR_ROLE = StaffCredentials.StaffRole.OPERATOR.name();
    private static final String REALM = "Proofline operators";
    private static final Logger log = LoggerFactory.getLogger(ActuatorSecurity.class);

    @Bean
    @Order(20)
    SecurityFilterChain actuator(HttpSecurity http, StaffCredentials operators, Throttles throttles,
            Fingerprints fingerprints, Clock clock) throws Exception {
        OperatorSignInThrottle throttle = new OperatorSignInThrottle(throttles, fingerprints, clock);
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(paths.matcher("/actuator/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/actuator/**"),
                                paths.matcher(HttpMethod.HEAD, "/actuator/**")).permitAll()
                        .anyRequest().hasRole(OPERATOR_ROLE))
                .authenticationManager(new ProviderManager(new StaffSignIn.Staff(operators, throttle, "actuator credentials")))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(new Refusal(throttle)))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new Refusal(throttle)))
                // No browser form posts here: a write is JSON from an operator's client, never a cookie's.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterAfter(new WritesLog(), AuthorizationFilter.class)
                .build();
    }

    /** 401 asking for Basic credentials; 429 with the wait in seconds for a name locked by wrong passwords. */
    private record Refusal(OperatorSignInThrottle throttle) implements AuthenticationEntryPoint {

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException why)
                throws IOException {
            if (why instanceof StaffSignIn.StaffLocked locked) {
                throttle.refuse(response, locked.until());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED,
                    "an operator's user name and password are needed to change the service");
        }
    }

    /** Who changed what: every write that passed the operator check. */
    private static final class WritesLog extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())) {
                log.info("Operator {}: {} {}", request.getRemoteUser(), request.getMethod(), request.getRequestURI());
            }
            chain.doFilter(request, response);
        }
    }
}
