package io.proofline.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Wrong passwords at Cockpit's sign-in are throttled like the service's own sign-ins, per operator name and client
 * address with a ceiling per name that only slows ({@link OperatorSignInThrottle}), and counted with the wrong
 * passwords given to actuator's writes ({@link ActuatorSecurity}): the engine's own lockout works only with a
 * writable identity store, which the service does not have at run time.
 */
class CockpitSignInThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CockpitSignInThrottle.class);
    private static final Pattern SIGN_IN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");
    /** Cockpit's sign-in form is a user name and a password; anything longer is no sign-in. */
    private static final int MAX_FORM_BYTES = 4096;

    private final OperatorSignInThrottle throttle;

    CockpitSignInThrottle(OperatorSignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !SIGN_IN.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] form = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
        if (form.length > MAX_FORM_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        String username = field(new String(form, StandardCharsets.UTF_8), "username");
        if (!StaffCredentials.isPossibleName(username)) {
            log.warn("Refused a Cockpit sign-in: a user name no operator can have");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        Optional<Instant> waitUntil = throttle.reserve(username, request.getRemoteAddr());
        if (waitUntil.isPresent()) {
            throttle.refuse(response, waitUntil.get());
            return;
        }
        chain.doFilter(new ReplayedBody(request, form), response);
        if (response.getStatus() == HttpServletResponse.SC_OK) {
            throttle.succeeded(username, request.getRemoteAddr());
        } else {
            log.warn("Refused a Cockpit sign-in: wrong user name or password");
        }
    }

    private static String field(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && name.equals(pair.substring(0, equals))) {
                try {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return "";
                }
            }
        }
        return "";
    }

    /** The form as it came, for Cockpit to read after us. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("read synchronously");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
