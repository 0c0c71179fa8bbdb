package io.proofline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.proofline.crypto.Fingerprints;
import io.proofline.support.MutableClock;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.throttle.ThrottlesWithClock;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cockpit's sign-in throttle on the real table, with a clock the test moves and Cockpit's own check replaced by one
 * that knows a single password. A restart is a new filter over the same database: the service keeps nothing else.
 */
class CockpitSignInThrottleOnPostgresTest extends PostgresIntegrationTest {

    private static final String RIGHT = "the operator's own password";

    @Autowired
    ApplicationContext context;

    @Autowired
    Fingerprints fingerprints;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    /** A name of its own per test: the counts are per operator name. */
    private final String operator = "op" + Long.toHexString(System.nanoTime());

    /** The filter as a (re)started service builds it. */
    private CockpitSignInThrottle startedService() {
        return new CockpitSignInThrottle(new OperatorSignInThrottle(ThrottlesWithClock.of(context, clock), fingerprints, clock));
    }

    @Test
    void fiveWrongPasswordsFromOneAddressDoNotStopTheOperatorSigningInFromAnother() throws Exception {
        CockpitSignInThrottle service = startedService();
        for (int guess = 0; guess < 5; guess++) {
            assertThat(signIn(service, "198.51.100.9", "guess " + guess).getStatus()).isEqualTo(401);
        }

        MockHttpServletResponse stranger = signIn(service, "198.51.100.9", RIGHT);
        assertThat(stranger.getStatus()).as("the guessing address waits").isEqualTo(429);
        assertThat(stranger.getHeader("Retry-After")).isEqualTo("900");

        assertThat(signIn(service, "10.20.0.5", RIGHT).getStatus()).as("the operator, at their desk").isEqualTo(200);
    }

    @Test
    void aRestartNeitherForgetsTheWaitNorKeepsItPastItsEnd() throws Exception {
        CockpitSignInThrottle before = startedService();
        for (int guess = 0; guess < 5; guess++) {
            signIn(before, "10.20.0.5", "a mistyped password " + guess);
        }

        CockpitSignInThrottle restarted = startedService();
        assertThat(signIn(restarted, "10.20.0.5", RIGHT).getStatus()).as("the wait survives the restart").isEqualTo(429);
        clock.advance(Duration.ofMinutes(15));
        CockpitSignInThrottle restartedAgain = startedService();
        assertThat(signIn(restartedAgain, "10.20.0.5", RIGHT).getStatus()).as("and ends when it said").isEqualTo(200);
        assertThat(signIn(restartedAgain, "10.20.0.5", "one more typo").getStatus())
                .as("the success wiped this address's count: a typo is a typo again").isEqualTo(401);
    }

    @Test
    void theWaitOfAnAddressThatGoesOnGuessingDoublesUpToAnHour() throws Exception {
        CockpitSignInThrottle service = startedService();
        for (int guess = 0; guess < 5; guess++) {
            signIn(service, "198.51.100.9", "guess " + guess);
        }
        for (String expected : new String[] {"1800", "3600", "3600"}) {
            assertThat(signIn(service, "198.51.100.9", "too soon").getStatus()).isEqualTo(429);
            clock.advance(Duration.ofSeconds(Long.parseLong(signIn(service, "198.51.100.9", "x").getHeader("Retry-After"))));
            assertThat(signIn(service, "198.51.100.9", "guess after the wait").getStatus()).isEqualTo(401);
            assertThat(signIn(service, "198.51.100.9", "too soon again").getHeader("Retry-After")).isEqualTo(expected);
        }
    }

    @Test
    void guessesFromManyAddressesOnlySlowTheOperatorAndNeverLockThemOut() throws Exception {
        CockpitSignInThrottle service = startedService();
        for (int address = 1; address <= 20; address++) {
            signIn(service, "198.51.100." + address, "a guess");
        }

        MockHttpServletResponse slowed = signIn(service, "10.20.0.5", RIGHT);
        assertThat(slowed.getStatus()).as("the ceiling across addresses slows").isEqualTo(429);
        assertThat(Integer.parseInt(slowed.getHeader("Retry-After"))).isBetween(1, 60);
        clock.advance(Duration.ofMinutes(1));
        assertThat(signIn(service, "10.20.0.5", RIGHT).getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse signIn(CockpitSignInThrottle filter, String address, String password)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST",
                "/camunda/api/admin/auth/user/default/login/cockpit");
        request.setRemoteAddr(address);
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent(("username=" + operator + "&password=" + password.replace(' ', '+'))
                .getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(new Cockpit()));
        return response;
    }

    /** Cockpit's check, knowing one password; it reads the form the throttle replays. */
    private static final class Cockpit extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String form = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            response.setStatus(form.endsWith("&password=" + RIGHT.replace(' ', '+')) ? 200 : 401);
        }
    }
}
