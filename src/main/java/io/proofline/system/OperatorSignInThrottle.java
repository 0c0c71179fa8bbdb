package io.proofline.system;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.time.Instant;

import io.proofline.crypto.Fingerprints;
import io.proofline.throttle.ThrottleType;
import io.proofline.throttle.Throttles;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Wrong operator passwords, at Cockpit's sign-in and at actuator's writes together, counted as the people's sign-ins
 * are: per operator name and client address with waits that grow ({@link ThrottleType#SIGN_IN}), so that guesses
 * from one address do not stop the operator at another; and per operator name from every address, a ceiling that
 * only slows ({@link ThrottleType#SIGN_IN_ACCOUNT}). The counts are rows of the database: a restart neither forgets
 * a wait nor keeps one past its end. Each attempt is counted before the password is checked (reserved).
 */
final class OperatorSignInThrottle {

    private final Throttles throttles;
    private final Fingerprints fingerprints;
    private final Clock clock;

    OperatorSignInThrottle(Throttles throttles, Fingerprints fingerprints, Clock clock) {
        this.throttles = throttles;
        this.fingerprints = fingerprints;
        this.clock = clock;
    }

    /** An attempt about to be checked; empty when it may be, else when the next one will be evaluated. */
    Optional<Instant> reserve(String operator, String client) {
        Throttles.Attempt here = throttles.reserve(fromClient(operator, client), ThrottleType.SIGN_IN);
        if (!here.admitted()) {
            return here.status().lockedUntil();
        }
        Throttles.Attempt anywhere = throttles.reserve(anyClient(operator), ThrottleType.SIGN_IN_ACCOUNT);
        if (!anywhere.admitted()) {
            throttles.refund(fromClient(operator, client), ThrottleType.SIGN_IN);
            return anywhere.status().lockedUntil();
        }
        return Optional.empty();
    }

    /** The reserved attempt was right: this client's count is wiped, the ceiling takes back this attempt only. */
    void succeeded(String operator, String client) {
        throttles.reset(fromClient(operator, client), ThrottleType.SIGN_IN);
        throttles.refund(anyClient(operator), ThrottleType.SIGN_IN_ACCOUNT);
    }

    /** 429 with the wait in seconds until the next attempt is evaluated. */
    void refuse(HttpServletResponse response, Instant until) throws IOException {
        waitFor(response, until);
        response.sendError(429, "too many wrong passwords for this operator from here: try again after " + until);
    }

    /** The status and header of a refusal, for a page that says it in its own words (the staff's sign-in). */
    void waitFor(HttpServletResponse response, Instant until) {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(Math.max(1, Duration.between(clock.instant(), until).toSeconds())));
    }

    private static String anyClient(String operator) {
        return "operator:" + operator;
    }

    private String fromClient(String operator, String client) {
        return anyClient(operator) + ":" + fingerprints.client(client).current().substring(0, 32);
    }
}
