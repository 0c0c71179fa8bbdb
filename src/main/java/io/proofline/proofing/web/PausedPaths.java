package io.proofline.proofing.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.proofline.accounts.AccountId;
import io.proofline.throttle.ThrottleType;
import io.proofline.throttle.Throttles;
import io.proofline.web.LocalTimes;

/**
 * Which ways of proving one's identity a lockout pauses for the person, and until when, so that the pages say so at
 * once (the locked page, the consent and the choice of a way after starting over) instead of after the person has
 * chosen a way again. The lockouts belong to the person (throttle), not to a journey.
 */
@Component
class PausedPaths {

    /** A lockout that pauses only its own way; resolution's pauses every way (each goes through it). */
    private static final Map<String, String> PATH_OF_LOCKOUT = Map.of("document", "STATE_ID", "piv-cac", "PIV_CAC");
    private static final List<String> PATHS = List.of("STATE_ID", "PIV_CAC", "IN_PERSON");
    private static final Map<String, String> MESSAGES = Map.of("STATE_ID", "verify.paused.STATE_ID",
            "PIV_CAC", "verify.paused.PIV_CAC", "IN_PERSON", "verify.paused.IN_PERSON");
    private static final Map<String, String> NAMES = Map.of("STATE_ID", "verify.path.stateId",
            "PIV_CAC", "verify.path.pivCac", "IN_PERSON", "verify.path.inPerson");
    /** The wait each path-specific lockout is waited out in. */
    static final Map<String, String> PATH_OF_WAIT = Map.of("WaitOutDocumentLockout", "STATE_ID",
            "WaitOutCertificateLockout", "PIV_CAC");

    /** @param messageKey what the page says, with {@code until} as its argument */
    record Paused(String path, String messageKey, LocalTimes.Moment until) {
    }

    private final Throttles throttles;

    PausedPaths(Throttles throttles) {
        this.throttles = throttles;
    }

    /** The paused ways, each with the end of its pause. */
    List<Paused> of(AccountId account, Locale locale) {
        Map<String, java.time.Instant> until = new LinkedHashMap<>();
        lockedUntil(account, "resolution").ifPresent(end -> PATHS.forEach(path -> until.put(path, end)));
        PATH_OF_LOCKOUT.forEach((lockout, path) -> lockedUntil(account, lockout)
                .ifPresent(end -> until.merge(path, end, (a, b) -> a.isAfter(b) ? a : b)));
        List<Paused> paused = new ArrayList<>();
        for (String path : PATHS) {
            if (until.containsKey(path)) {
                paused.add(new Paused(path, MESSAGES.get(path), LocalTimes.moment(until.get(path), locale)));
            }
        }
        return paused;
    }

    private java.util.Optional<java.time.Instant> lockedUntil(AccountId account, String lockout) {
        return throttles.check(account.toString(), ThrottleType.named(lockout)).lockedUntil();
    }

    /**
     * The names (message keys) of the ways still open, in the order the choice offers them; PIV/CAC only where cards
     * can be read.
     */
    static List<String> openNames(List<Paused> paused, boolean cardsReadHere) {
        return PATHS.stream().filter(path -> cardsReadHere || !"PIV_CAC".equals(path))
                .filter(path -> paused.stream().noneMatch(p -> p.path().equals(path))).map(NAMES::get).toList();
    }
}
