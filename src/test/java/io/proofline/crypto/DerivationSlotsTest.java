package io.proofline.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The bound on scrypt derivations at once: a burst waits for a slot or is refused, never all at once. */
class DerivationSlotsTest {

    /** About 16 MiB and a few tens of milliseconds each: long enough for twelve to overlap. */
    private static final Scrypt.Cost COST = new Scrypt.Cost(1 << 14, 8, 1);

    @Test
    void aBurstRunsNoMoreDerivationsAtOnceThanTheSlots() throws Exception {
        DerivationSlots slots = new DerivationSlots(new DerivationSlots.Limits(3, Duration.ofSeconds(30)));

        List<Future<byte[]>> results = burst(slots, 12);

        for (Future<byte[]> result : results) {
            assertThat(result.get()).hasSize(32);
        }
        assertThat(slots.mostInFlight()).isBetween(1, 3);
    }

    @Test
    void aDerivationThatFindsEverySlotBusyPastTheWaitIsRefusedWithWhenToTryAgain() throws Exception {
        DerivationSlots slots = new DerivationSlots(new DerivationSlots.Limits(1, Duration.ofMillis(1)));
        CountDownLatch refused = new CountDownLatch(1);
        slots.onRefusal(refused::countDown);

        List<Future<byte[]>> results = burst(slots, 8);

        int busy = 0;
        for (Future<byte[]> result : results) {
            try {
                result.get();
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(DerivationsBusyException.class);
                assertThat(((DerivationsBusyException) e.getCause()).retryAfter()).isEqualTo(Duration.ofSeconds(1));
                busy++;
            }
        }
        assertThat(busy).isPositive();
        assertThat(refused.await(0, TimeUnit.SECONDS)).as("each refusal is counted").isTrue();
        assertThat(slots.mostInFlight()).isEqualTo(1);
    }

    @Test
    void withoutConfigurationTheBoundIsTwiceTheProcessors() {
        assertThat(DerivationSlots.standard().size()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThatThrownBy(() -> new Scrypt.Cost(3, 8, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Future<byte[]>> burst(DerivationSlots slots, int size) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(size);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<byte[]>> results = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            byte[] salt = {(byte) i};
            results.add(pool.submit(() -> {
                start.await();
                return slots.derive("a password".getBytes(), salt, COST, 32);
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        return results;
    }
}
