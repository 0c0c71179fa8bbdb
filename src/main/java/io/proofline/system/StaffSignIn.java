package io.proofline.system;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import io.proofline.crypto.Fingerprints;
import io.proofline.system.StaffCredentials.StaffRole;
import io.proofline.throttle.Throttles;
import io.proofline.web.WebSecurity;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The staff's own pages on the management port ({@code /analytics}: the analysts' dashboards): a sign-in form against
 * the engine's identity store (user name, password, and the groups that give the roles), a session of the staff's
 * own ({@link StaffSessions}: another cookie, the security context under another key), and sign-out. Only analysts
 * reach {@code /analytics}; an operator or a reviewer who signs in is refused there (403). Wrong passwords are
 * counted with the operator's at Cockpit and actuator ({@link OperatorSignInThrottle}: per name and client
 * address, a ceiling per name): the sixth wrong one from an address waits, with 429 and {@code Retry-After}.
 * The people's pages are on the public port, where this session is never looked for.
 */
@Configuration(proxyBeanMethods = false)
class StaffSignIn {

    static final String AREA = "/analytics";
    static final String SIGN_IN = AREA + "/sign-in";
    static final String SIGN_OUT = AREA + "/sign-out";
    /** The sign-in page again, for an attempt not evaluated (forwarded to, never asked for). */
    static final String SIGN_IN_WAIT = SIGN_IN + "/wait";
    /** Where a staff member's security context lives in their session; never the people's key. */
    static final String CONTEXT_KEY = "PROOFLINE_STAFF_SECURITY_CONTEXT";

    private static final Logger log = LoggerFactory.getLogger(StaffSignIn.class);

    @Bean
    @Order(15)
    SecurityFilterChain staffPages(HttpSecurity http, StaffCredentials staff, Throttles throttles,
            Fingerprints fingerprints, Clock clock) throws Exception {
        OperatorSignInThrottle throttle = new OperatorSignInThrottle(throttles, fingerprints, clock);
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(CONTEXT_KEY);
        HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
        csrfTokens.setSessionAttributeName("PROOFLINE_STAFF_CSRF_TOKEN");
        return http.securityMatcher(new OrRequestMatcher(paths.matcher(AREA), paths.matcher(AREA + "/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher(HttpMethod.GET, SIGN_IN)).permitAll()
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .anyRequest().hasRole(StaffRole.ANALYST.name()))
                .authenticationManager(new ProviderManager(new Staff(staff, throttle, "a staff sign-in")))
                .securityContext(context -> context.securityContextRepository(contexts))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(fixation -> fixation.changeSessionId()))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.loginPage(SIGN_IN).loginProcessingUrl(SIGN_IN)
                        .securityContextRepository(contexts)
                        .defaultSuccessUrl(AREA, true).failureHandler(new Failure(throttle)).permitAll())
                .logout(signOut -> signOut.logoutRequestMatcher(paths.matcher(HttpMethod.POST, SIGN_OUT))
                        .logoutSuccessUrl(SIGN_IN + "?signedOut"))
                .headers(headers -> WebSecurity.strictHeaders(headers, false))
                .build();
    }

    /**
     * A staff member's user name and password, against the engine's identity store. The attempt is counted before the
     * slow check, per name and client and across clients ({@link OperatorSignInThrottle}); a name no staff member can
     * have is a wrong name, nothing counted. Signed in with the roles of the staff member's groups.
     */
    record Staff(StaffCredentials staff, OperatorSignInThrottle throttle, String what) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            String name = authentication.getName();
            if (!StaffCredentials.isPossibleName(name)) {
                log.warn("Refused {}: a user name no staff member can have", what);
                throw new BadCredentialsException("not a staff member's user name and password");
            }
            String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                    ? details.getRemoteAddress() : "unknown";
            Optional<Instant> waitUntil = throttle.reserve(name, client);
            if (waitUntil.isPresent()) {
                throw new StaffLocked(waitUntil.get());
            }
            List<SimpleGrantedAuthority> roles = staff.rolesOf(name, String.valueOf(authentication.getCredentials()))
                    .stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
            if (roles.isEmpty()) {
                log.warn("Refused {}: not a staff member's user name and password", what);
                throw new BadCredentialsException("not a staff member's user name and password");
            }
            throttle.succeeded(name, client);
            return UsernamePasswordAuthenticationToken.authenticated(name, null, roles);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }

    /** Too many wrong passwords for this name from this address: the attempt was not evaluated. */
    static final class StaffLocked extends LockedException {
        private final transient Instant until;

        StaffLocked(Instant until) {
            super("too many wrong passwords for this staff member: try again later");
            this.until = until;
        }

        Instant until() {
            return until;
        }
    }

    /** A wrong password: the sign-in again, saying so; a wait: the sign-in page with 429, Retry-After and its end. */
    private record Failure(OperatorSignInThrottle throttle) implements AuthenticationFailureHandler {

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException why) throws IOException, ServletException {
            if (why instanceof StaffLocked locked) {
                throttle.waitFor(response, locked.until());
                request.setAttribute(StaffCredentials.LOCKED_UNTIL_ATTRIBUTE, locked.until());
                request.getRequestDispatcher(SIGN_IN_WAIT).forward(request, response);
                return;
            }
            response.sendRedirect(request.getContextPath() + SIGN_IN + "?error");
        }
    }
}
