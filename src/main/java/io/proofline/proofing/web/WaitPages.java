package io.proofline.proofing.web;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.proofline.accounts.AccountId;
import io.proofline.address.InPersonProofing;
import io.proofline.journey.JourneyId;
import io.proofline.journey.JourneyStep;
import io.proofline.journey.ProcessIds;
import io.proofline.journey.ProcessIds.Activities;
import io.proofline.journey.StepPage;
import io.proofline.pivcac.web.CardHandOffs;
import io.proofline.proofing.JourneyEngine;
import io.proofline.web.LocalTimes;

/**
 * The pages where the person has nothing to fill in: a check running, a lockout or a letter to wait out, a Post
 * Office visit to make, and the journey's end.
 */
@Component
class WaitPages {

    /** Most checks finish within a second: waiting this long spares people a "we are checking" flash. */
    static final Duration CHECK_PATIENCE = Duration.ofMillis(1500);
    /**
     * The checking page reloads itself at once ({@code <meta http-equiv="refresh" content="0">}, no JavaScript
     * needed) and the server holds each reload this long while the check runs. The wait is here, not in the meta
     * tag, because a delayed refresh fails WCAG 2.2.1 (axe's critical meta-refresh rule).
     */
    static final Duration RELOAD_PATIENCE = Duration.ofSeconds(5);
    /** After this long the checking page says it takes longer than usual. */
    static final Duration USUAL_WAIT = Duration.ofSeconds(60);

    private final JourneyEngine engine;
    private final JourneyEndings endings;
    private final PausedPaths pausedPaths;
    private final CardHandOffs cardHandOffs;
    private final InPersonProofing inPerson;

    WaitPages(JourneyEngine engine, JourneyEndings endings, PausedPaths pausedPaths, CardHandOffs cardHandOffs,
            InPersonProofing inPerson) {
        this.engine = engine;
        this.endings = endings;
        this.pausedPaths = pausedPaths;
        this.cardHandOffs = cardHandOffs;
        this.inPerson = inPerson;
    }

    /** Where the journey stands once a check that runs has had a moment to finish. */
    JourneyStep awaitCheck(JourneyId journey, Long checkingSince) throws InterruptedException {
        Duration patience = checkingSince == null ? CHECK_PATIENCE : RELOAD_PATIENCE;
        long deadline = System.nanoTime() + patience.toNanos();
        JourneyStep step = engine.currentStep(journey);
        while (step.kind() == JourneyStep.Kind.CHECKING && System.nanoTime() < deadline) {
            Thread.sleep(100);
            step = engine.currentStep(journey);
        }
        return step;
    }

    /**
     * The done page, before any journey is looked at: verified, or the last journey ended unverified ("start
     * again" is a POST, which starts the next one).
     */
    Optional<String> endedPage(AccountId account, Model model) {
        if (endings.isVerified(account)) {
            model.addAttribute("verified", true);
            return Optional.of("verify/done");
        }
        return endings.lastJourneyFailed(account) ? Optional.of("verify/done") : Optional.empty();
    }

    /** A journey the engine says has ended; until the profile and the consent say how, it is still being finished. */
    String afterTheEnd(AccountId account, JourneyId journey, Long checkingSince, Model model) {
        return switch (endings.of(account, journey)) {
            case VERIFIED -> {
                model.addAttribute("verified", true);
                yield "verify/done";
            }
            case NOT_VERIFIED -> "verify/done";
            case NOT_YET_KNOWN -> checking(checkingSince, model);
        };
    }

    static String checking(Long checkingSince, Model model) {
        long now = System.currentTimeMillis() / 1000;
        long since = checkingSince == null || checkingSince > now ? now : checkingSince;
        model.addAttribute("refresh", "0;url=/verify?checkingSince=" + since);
        model.addAttribute("takingLong", now - since >= USUAL_WAIT.toSeconds());
        model.addAttribute("waitedSeconds", now - since);
        model.addAttribute("usualWaitSeconds", USUAL_WAIT.toSeconds());
        return "verify/checking";
    }

    String show(AccountId account, StepPage page) {
        JourneyStep step = page.step();
        if (ProcessIds.isLockout(step.activityId()) && step.lockedUntil() != null) {
            page.with("lockedUntil", LocalTimes.moment(step.lockedUntil(), page.locale()));
            // a lockout of one way (the ID's photos, the card) leaves the others open meanwhile: say which
            if (PausedPaths.PATH_OF_WAIT.containsKey(step.activityId())) {
                page.with("openPaths", PausedPaths.openNames(pausedPaths.of(account, page.locale()),
                        cardHandOffs.available()));
            }
            return "verify/locked";
        }
        if (step.is(Activities.TIME_TO_ASK_USPS) || step.is(Activities.ENROLLMENT_DEADLINE)) {
            inPerson.enrollment(page.journey()).ifPresent(enrollment -> page
                    .with("enrollmentCode", enrollment.code())
                    .with("enrollmentDeadline", LocalTimes.moment(enrollment.expiresAt(), page.locale())));
            return "verify/in-person";
        }
        return "verify/waiting";
    }
}
