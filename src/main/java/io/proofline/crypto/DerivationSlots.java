package io.proofline.crypto;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many scrypt derivations run at once. Each holds 128·N·r bytes (64 MiB at N=2^16, r=8): 60 sign-ins with
 * unknown emails at once took the heap from 1.6 to 5.2 GiB. Above the bound a derivation waits a moment for a
 * slot, then is refused with {@link DerivationsBusyException} (the page says to try again in a moment, 503 with
 * Retry-After), so a burst costs time, never the heap.
 */
final class DerivationSlots {

    /**
     * @param maxConcurrent derivations at once; 0 or less: twice the processors
     * @param maxWait how long a derivation waits for a slot before it is refused
     */
    @ConfigurationProperties("proofline.crypto.derivations")
    record Limits(int maxConcurrent, Duration maxWait) {

        Limits {
            maxWait = maxWait == null ? Duration.ofSeconds(2) : maxWait;
        }

        int slots() {
            return maxConcurrent > 0 ? maxConcurrent : 2 * Runtime.getRuntime().availableProcessors();
        }
    }

    private final Semaphore slots;
    private final int size;
    private final Duration maxWait;
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private volatile Runnable onRefusal = () -> { };

    DerivationSlots(Limits limits) {
        this.size = limits.slots();
        this.slots = new Semaphore(size, true);
        this.maxWait = limits.maxWait();
    }

    /** A bound of twice the processors and a 2-second wait: for code built without the configuration. */
    static DerivationSlots standard() {
        return new DerivationSlots(new Limits(0, null));
    }

    byte[] derive(byte[] secret, byte[] salt, Scrypt.Cost cost, int length) {
        try {
            if (!slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                onRefusal.run();
                throw new DerivationsBusyException(maxWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            onRefusal.run();
            throw new DerivationsBusyException(maxWait);
        }
        try {
            mostInFlight.accumulateAndGet(inFlight(), Math::max);
            return Scrypt.derive(secret, salt, cost, length);
        } finally {
            slots.release();
        }
    }

    int size() {
        return size;
    }

    /** The slots taken: each is a derivation between its acquire and its release. */
    int inFlight() {
        return size - slots.availablePermits();
    }

    void onRefusal(Runnable counter) {
        this.onRefusal = counter;
    }

    /** The most derivations that ran at once since start: what the bound promises to keep at or below size(). */
    int mostInFlight() {
        return mostInFlight.get();
    }
}
