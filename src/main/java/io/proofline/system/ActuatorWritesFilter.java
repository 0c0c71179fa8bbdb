package io.proofline.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import io.proofline.throttle.ThrottleStatus;
import io.proofline.throttle.ThrottleType;
import io.proofline.throttle.Throttles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What changes the service over actuator (today: an operator's vendor outage switch) needs an operator's user
 * name and password (HTTP Basic; the Cockpit account). Wrong passwords are throttled like sign-ins, per user
 * name, and every change is logged with who made it. Reading stays open on the management port (health's
 * status and metrics are for load balancers and Prometheus); a read that brings an operator's credentials is
 * signed in as one, which is what shows health's details ({@code show-details: when-authorized}).
 */
class ActuatorWritesFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ActuatorWritesFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String REALM = "Basic realm=\"Proofline operators\", charset=\"UTF-8\"";

    private final OperatorCredentials operators;
    private final Throttles throttles;
    private final Clock clock;

    ActuatorWritesFilter(OperatorCredentials operators, Throttles throttles, Clock clock) {
        this.operators = operators;
        this.throttles = throttles;
        this.clock = clock;
    }

    static final String OPERATOR_ROLE = "OPERATOR";

    /** Registered for actuator's paths only (ActuatorConfiguration); of those, reads without credentials pass. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) && request.getHeader("Authorization") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] credentials = basicCredentials(request.getHeader("Authorization"));
        if (credentials == null) {
            refuse(response, "an operator's user name and password are needed to change the service");
            return;
        }
        String subject = "operator:" + credentials[0];
        ThrottleStatus status = throttles.check(subject, ThrottleType.SIGN_IN);
        if (status.isLocked()) {
            refuseLocked(response, status, clock);
            return;
        }
        if (!operators.isOperator(credentials[0], credentials[1])) {
            throttles.recordFailure(subject, ThrottleType.SIGN_IN);
            log.warn("Refused {} {}: not an operator's user name and password", request.getMethod(), request.getRequestURI());
            refuse(response, "not an operator's user name and password");
            return;
        }
        throttles.reset(subject, ThrottleType.SIGN_IN);
        if (WRITES.contains(request.getMethod())) {
            log.info("Operator {}: {} {}", credentials[0], request.getMethod(), request.getRequestURI());
        }
        chain.doFilter(new SignedInOperator(request, credentials[0]), response);
    }

    /** The request as the operator's: actuator reads the principal and role from it. */
    private static final class SignedInOperator extends HttpServletRequestWrapper {
        private final Principal operator;

        SignedInOperator(HttpServletRequest request, String username) {
            super(request);
            this.operator = () -> username;
        }

        @Override
        public Principal getUserPrincipal() {
            return operator;
        }

        @Override
        public String getRemoteUser() {
            return operator.getName();
        }

        @Override
        public boolean isUserInRole(String role) {
            return OPERATOR_ROLE.equals(role);
        }
    }

    /** 429 with the wait in seconds: an operator name locked by wrong passwords (here or at Cockpit's sign-in). */
    static void refuseLocked(HttpServletResponse response, ThrottleStatus status, Clock clock) throws IOException {
        response.setHeader("Retry-After", Long.toString(Math.max(1,
                Duration.between(clock.instant(), status.lockedUntil().orElseThrow()).toSeconds())));
        response.sendError(429, "too many wrong passwords for this operator: try again later");
    }

    private static void refuse(HttpServletResponse response, String why) throws IOException {
        response.setHeader("WWW-Authenticate", REALM);
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, why);
    }

    /** {user, password} from {@code Basic base64(user:password)}, or null. */
    private static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
