package io.proofline.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.proofline.support.Concurrently;
import io.proofline.support.MutableClock;
import io.proofline.support.PostgresIntegrationTest;

/** Throttles on the real table, with a clock the test moves; several nodes are several threads. */
class ThrottlesOnPostgresTest extends PostgresIntegrationTest {

    @Autowired
    ThrottleRepository repository;

    @Autowired
    ThrottleProperties properties;

    @Autowired
    TransactionTemplate transactions;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final String subject = UUID.randomUUID().toString();

    private Throttles throttles() {
        return new Throttles(repository, properties, clock, transactions);
    }

    @Test
    void fiveSignInFailuresWaitFifteenMinutesAndEachFurtherFailureDoublesTheWaitUpToAnHour() {
        Throttles throttles = throttles();
        for (int i = 1; i <= 4; i++) {
            assertThat(throttles.recordFailure(subject, ThrottleType.SIGN_IN).remainingAttempts()).isEqualTo(5 - i);
        }

        ThrottleStatus locked = throttles.recordFailure(subject, ThrottleType.SIGN_IN);

        assertThat(locked.lockedUntil()).contains(clock.instant().plus(Duration.ofMinutes(15)));
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttles.reserve(subject, ThrottleType.SIGN_IN))
                .as("an attempt during the wait is not even evaluated, and does not extend it")
                .isEqualTo(new Throttles.Attempt(false, locked));
        for (Duration expected : List.of(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(1))) {
            clock.advance(Duration.between(clock.instant(), throttles.check(subject, ThrottleType.SIGN_IN)
                    .lockedUntil().orElseThrow()));
            assertThat(throttles.check(subject, ThrottleType.SIGN_IN).isLocked()).as("the wait has ended").isFalse();
            assertThat(throttles.recordFailure(subject, ThrottleType.SIGN_IN).lockedUntil())
                    .as("the next failure waits twice as long, at most an hour").contains(clock.instant().plus(expected));
        }
    }

    @Test
    void aWaitThatEndsWithoutAFurtherFailureWithinAWindowIsForgotten() {
        Throttles throttles = throttles();
        for (int i = 0; i < 5; i++) {
            throttles.recordFailure(subject, ThrottleType.SIGN_IN);
        }
        clock.advance(Duration.ofMinutes(15 + 14));
        assertThat(throttles.check(subject, ThrottleType.SIGN_IN).remainingAttempts())
                .as("a window after the wait: still remembered").isZero();

        clock.advance(Duration.ofMinutes(1));

        assertThat(throttles.check(subject, ThrottleType.SIGN_IN)).isEqualTo(new ThrottleStatus(5, Optional.empty()));
    }

    @Test
    void theCeilingAcrossClientsOnlySlowsAndBoundsGuessesToAboutOneHundredTwentyADay() {
        Throttles throttles = throttles();
        Instant start = clock.instant();
        int evaluated = 0;
        Duration longestWait = Duration.ZERO;
        while (clock.instant().isBefore(start.plus(Duration.ofDays(1)))) {
            Throttles.Attempt attempt = throttles.reserve(subject, ThrottleType.SIGN_IN_ACCOUNT);
            if (attempt.admitted()) {
                evaluated++; // a wrong guess, from a new address each time: nothing else stops it
            } else {
                Duration wait = Duration.between(clock.instant(), attempt.status().lockedUntil().orElseThrow());
                longestWait = wait.compareTo(longestWait) > 0 ? wait : longestWait;
                clock.advance(wait); // the guesser comes back the moment the wait ends
            }
        }

        assertThat(evaluated).as("20 free, then waits of 1, 2, 4, 8 and 15 minutes").isBetween(115, 120);
        assertThat(longestWait).as("never more than a slowdown").isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void attemptsReservedAtOnceOnSeveralNodesNeverPassTheLimit() {
        Throttles throttles = throttles();

        List<Throttles.Attempt> attempts = Concurrently.run(4, 8, () -> throttles.reserve(subject, ThrottleType.SIGN_IN));

        assertThat(attempts).filteredOn(Throttles.Attempt::admitted).as("only five are evaluated").hasSize(5);
        assertThat(throttles.check(subject, ThrottleType.SIGN_IN).isLocked()).isTrue();
    }

    @Test
    void aRefundTakesBackOneAttemptAndTheWaitItStartedButNotTheCount() {
        Throttles throttles = throttles();
        for (int i = 0; i < 19; i++) {
            throttles.recordFailure(subject, ThrottleType.SIGN_IN_ACCOUNT);
        }
        assertThat(throttles.reserve(subject, ThrottleType.SIGN_IN_ACCOUNT).status().isLocked())
                .as("the 20th, if wrong, would start a wait").isTrue();

        throttles.refund(subject, ThrottleType.SIGN_IN_ACCOUNT);

        assertThat(throttles.check(subject, ThrottleType.SIGN_IN_ACCOUNT)).isEqualTo(new ThrottleStatus(1, Optional.empty()));
    }

    @Test
    void countsSurviveARestartBecauseTheyLiveInTheDatabase() {
        throttles().recordFailure(subject, ThrottleType.PERSONAL_KEY);
        throttles().recordFailure(subject, ThrottleType.PERSONAL_KEY);

        assertThat(throttles().check(subject, ThrottleType.PERSONAL_KEY).remainingAttempts()).isEqualTo(3);
        assertThat(throttles().check(subject, ThrottleType.SIGN_IN).remainingAttempts())
                .as("types count separately").isEqualTo(5);
    }

    @Test
    void aWindowThatPassesWithoutALockoutForgetsItsFailures() {
        Throttles throttles = throttles();
        throttles.recordFailure(subject, ThrottleType.SIGN_IN);
        throttles.recordFailure(subject, ThrottleType.SIGN_IN);
        clock.advance(Duration.ofMinutes(15));

        assertThat(throttles.check(subject, ThrottleType.SIGN_IN).remainingAttempts()).isEqualTo(5);
        assertThat(throttles.recordFailure(subject, ThrottleType.SIGN_IN).remainingAttempts()).isEqualTo(4);
    }

    @Test
    void resetClearsTheCount() {
        Throttles throttles = throttles();
        throttles.recordFailure(subject, ThrottleType.SIGN_IN);

        throttles.reset(subject, ThrottleType.SIGN_IN);

        assertThat(throttles.check(subject, ThrottleType.SIGN_IN).remainingAttempts()).isEqualTo(5);
    }

    @Test
    void theProofingTypesNeedOnlyConfigurationAndHaveTheSeedsDefaults() {
        assertThat(properties.limit(ThrottleType.named("document"))).isEqualTo(new ThrottleProperties.Limit(4, Duration.ofHours(24)));
        assertThat(properties.limit(ThrottleType.named("resolution"))).isEqualTo(new ThrottleProperties.Limit(3, Duration.ofHours(24)));
        assertThat(properties.limit(ThrottleType.named("phone"))).isEqualTo(new ThrottleProperties.Limit(3, Duration.ofHours(24)));
        assertThat(properties.limit(ThrottleType.named("piv-cac"))).isEqualTo(new ThrottleProperties.Limit(4, Duration.ofHours(24)));
        assertThat(properties.limit(ThrottleType.named("letter-code"))).isNotNull();
        assertThat(properties.limit(ThrottleType.SIGN_IN)).isEqualTo(new ThrottleProperties.Limit(5,
                Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofHours(1)));
        assertThat(properties.limit(ThrottleType.SIGN_IN_ACCOUNT)).isEqualTo(new ThrottleProperties.Limit(20,
                Duration.ofHours(24), Duration.ofMinutes(1), Duration.ofMinutes(15)));

        Throttles throttles = throttles();
        for (int i = 0; i < 3; i++) {
            throttles.recordFailure(subject, ThrottleType.named("resolution"));
        }
        assertThat(throttles.check(subject, ThrottleType.named("resolution")).lockedUntil())
                .contains(clock.instant().plus(Duration.ofHours(24)));
    }

    @Test
    void failuresCountedAtOnceOnSeveralNodesAllCountEvenTheFirstOnes() {
        Throttles throttles = throttles();

        List<ThrottleStatus> statuses = Concurrently.run(4, 4,
                () -> throttles.recordFailure(subject, ThrottleType.SIGN_IN));

        assertThat(statuses).extracting(ThrottleStatus::remainingAttempts).containsExactlyInAnyOrder(4, 3, 2, 1);
        assertThat(throttles.check(subject, ThrottleType.SIGN_IN).remainingAttempts()).isEqualTo(1);
    }

    @Test
    void aFailureCountedInATransactionThatCheckedFirstCountsOnTopOfOneCountedMeanwhile() {
        Throttles throttles = throttles();
        throttles.recordFailure(subject, ThrottleType.SIGN_IN);

        ThrottleStatus after = transactions.execute(tx -> {
            throttles.check(subject, ThrottleType.SIGN_IN);
            Concurrently.run(1, 1, () -> throttles.recordFailure(subject, ThrottleType.SIGN_IN)); // another node
            return throttles.recordFailure(subject, ThrottleType.SIGN_IN);
        });

        assertThat(after.remainingAttempts()).as("the locked read sees the other node's failure").isEqualTo(2);
    }

    @Test
    void aResetOfACounterThatIsNotThereChangesNothing() {
        throttles().reset(subject, ThrottleType.SIGN_IN);

        assertThat(repository.findCounterByKey(ThrottleCounter.Key.of(subject, ThrottleType.SIGN_IN))).isEmpty();
    }

    @Test
    void subjectsMustBeOpaqueAndTypesConfigured() {
        assertThatThrownBy(() -> throttles().recordFailure("pat.doe@example.com", ThrottleType.SIGN_IN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("pat.doe");
        assertThatThrownBy(() -> throttles().check(subject, ThrottleType.named("unheard-of")))
                .hasMessageContaining("proofline.throttle.unheard-of.max-attempts");
    }
}
