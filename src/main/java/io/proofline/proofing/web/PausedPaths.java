package io.proofline.proofing.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.web.SignedInAccounts;
import io.proofline.journey.ProcessIds;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.ProcessIds.Path;
import io.proofline.journey.StepPage;
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
    private static final Map<String, Path> PATH_OF_LOCKOUT = Map.of(
            ProcessIds.LOCKOUT_AT.get(Activities.UPLOAD_DOCUMENTS), Path.STATE_ID,
            ProcessIds.LOCKOUT_AT.get(Activities.CONNECT_CARD), Path.PIV_CAC);
    private static final String EVERY_WAYS_LOCKOUT = ProcessIds.LOCKOUT_AT.get(Activities.REVIEW_DETAILS);
    /** What the pages say of each paused way. */
    private static final Map<Path, String> MESSAGES = Map.of(Path.STATE_ID, "verify.paused.STATE_ID",
            Path.PIV_CAC, "verify.paused.PIV_CAC", Path.IN_PERSON, "verify.paused.IN_PERSON");
    /** The name of each way, as the choice of a way says it. */
    private static final Map<Path, String> NAMES = Map.of(Path.STATE_ID, "verify.path.stateId",
            Path.PIV_CAC, "verify.path.pivCac", Path.IN_PERSON, "verify.path.inPerson");
    /** The wait each path-specific lockout is waited out in. */
    static final Map<String, Path> PATH_OF_WAIT = Map.of(Activities.WAIT_OUT_DOCUMENT_LOCKOUT, Path.STATE_ID,
            Activities.WAIT_OUT_CERTIFICATE_LOCKOUT, Path.PIV_CAC);

    /** @param messageKey what the page says, with {@code until} as its argument */
    record Paused(Path path, String messageKey, LocalTimes.Moment until) {
    }

    private final Throttles throttles;
    private final SignedInAccounts signedIn;

    PausedPaths(Throttles throttles, SignedInAccounts signedIn) {
        this.throttles = throttles;
        this.signedIn = signedIn;
    }

    /** The paused ways, each with the end of its pause. */
    List<Paused> of(AccountId account, Locale locale) {
        Map<Path, Instant> until = new LinkedHashMap<>();
        lockedUntil(account, EVERY_WAYS_LOCKOUT).ifPresent(end -> {
            for (Path path : Path.values()) {
                until.put(path, end);
            }
        });
        PATH_OF_LOCKOUT.forEach((lockout, path) -> lockedUntil(account, lockout)
                .ifPresent(end -> until.merge(path, end, (a, b) -> a.isAfter(b) ? a : b)));
        List<Paused> paused = new ArrayList<>();
        for (Path path : Path.values()) {
            if (until.containsKey(path)) {
                paused.add(new Paused(path, MESSAGES.get(path), LocalTimes.moment(until.get(path), locale)));
            }
        }
        return paused;
    }

    /** Told at once, before a way is chosen again: the ways a lockout pauses, until when. */
    void addTo(StepPage page) {
        List<Paused> paused = pausedFor(page);
        page.with("pausedPaths", paused).with("pausedPathIds", paused.stream().map(p -> p.path().name()).toList());
    }

    boolean pauses(StepPage page, Path path) {
        return pausedFor(page).stream().anyMatch(paused -> paused.path() == path);
    }

    private List<Paused> pausedFor(StepPage page) {
        return signedIn.of(page.request()).map(account -> of(account, page.locale())).orElse(List.of());
    }

    private Optional<Instant> lockedUntil(AccountId account, String lockout) {
        return throttles.check(account.toString(), ThrottleType.named(lockout)).lockedUntil();
    }

    /**
     * The names (message keys) of the ways still open, in the order the choice offers them; PIV/CAC only where cards
     * can be read.
     */
    static List<String> openNames(List<Paused> paused, boolean cardsReadHere) {
        return Arrays.stream(Path.values()).filter(path -> cardsReadHere || path != Path.PIV_CAC)
                .filter(path -> paused.stream().noneMatch(p -> p.path() == path)).map(NAMES::get).toList();
    }
}
