package io.proofline.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What changes the service over actuator (today: an operator's vendor outage switch) needs an operator's user
 * name and password (HTTP Basic; the Cockpit account). Wrong passwords are throttled like sign-ins, per user
 * name and client ({@link OperatorSignInThrottle}), and every change is logged with who made it. Reading stays open on the management port (health's
 * status and metrics are for load balancers and Prometheus); a read that brings an operator's credentials is
 * signed in as one, which is what shows health's details ({@code show-details: when-authorized}).
 */
class ActuatorWritesFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ActuatorWritesFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String REALM = "Basic realm=\"Proofline operators\", charset=\"UTF-8\"";

    private final OperatorCredentials operators;
    private final OperatorSignInThrottle throttle;

    /** The names Camunda's identity service accepts, as at Cockpit's sign-in. */
    private static final Pattern OPERATOR_NAME = Pattern.compile("[a-zA-Z0-9]{1,64}");

    ActuatorWritesFilter(OperatorCredentials operators, OperatorSignInThrottle throttle) {
        this.operators = operators;
        this.throttle = throttle;
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
        if (!OPERATOR_NAME.matcher(credentials[0]).matches()) {
            // No operator has such a name: a wrong name, nothing counted (and nothing of it in a throttle's subject).
            log.warn("Refused {} {}: a user name no operator can have", request.getMethod(), request.getRequestURI());
            refuse(response, "not an operator's user name and password");
            return;
        }
        Optional<Instant> waitUntil = throttle.reserve(credentials[0], request.getRemoteAddr());
        if (waitUntil.isPresent()) {
            throttle.refuse(response, waitUntil.get());
            return;
        }
        if (!operators.isOperator(credentials[0], credentials[1])) {
            log.warn("Refused {} {}: not an operator's user name and password", request.getMethod(), request.getRequestURI());
            refuse(response, "not an operator's user name and password");
            return;
        }
        throttle.succeeded(credentials[0], request.getRemoteAddr());
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
