package io.proofline.crypto;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the expensive crypto work, so dashboards and the benchmark can see it. Tags name the purpose or
 * the operation, never a user or a value.
 */
@Component
class CryptoMetrics {

    static final String SCRYPT_DERIVATIONS = "proofline.crypto.scrypt.derivations";
    static final String KMS_CALLS = "proofline.crypto.kms.calls";
    static final String DERIVATIONS_IN_FLIGHT = "proofline.crypto.scrypt.in.flight";
    static final String DERIVATIONS_MOST_IN_FLIGHT = "proofline.crypto.scrypt.in.flight.most";
    static final String DERIVATIONS_SLOTS = "proofline.crypto.scrypt.slots";
    static final String DERIVATIONS_REFUSED = "proofline.crypto.scrypt.refused";

    private final MeterRegistry registry;

    CryptoMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void scryptDerivation(String purpose) {
        Counter.builder(SCRYPT_DERIVATIONS).description("scrypt key derivations")
                .tag("purpose", purpose).register(registry).increment();
    }

    /** The bound on derivations at once, how many run now and the most there ever were (what the bound keeps). */
    void derivationSlots(DerivationSlots slots) {
        Gauge.builder(DERIVATIONS_SLOTS, slots, DerivationSlots::size).description("scrypt derivations allowed at once")
                .register(registry);
        Gauge.builder(DERIVATIONS_IN_FLIGHT, slots, DerivationSlots::inFlight).description("scrypt derivations running")
                .register(registry);
        Gauge.builder(DERIVATIONS_MOST_IN_FLIGHT, slots, DerivationSlots::mostInFlight)
                .description("the most scrypt derivations that ran at once").register(registry);
        // Registered at once, so that a dashboard (and a burst that refused nothing) reads 0 rather than no series.
        Counter refused = Counter.builder(DERIVATIONS_REFUSED)
                .description("password checks refused because every scrypt slot stayed busy").register(registry);
        slots.onRefusal(refused::increment);
    }

    void kmsCall(String provider, String operation) {
        Counter.builder(KMS_CALLS).description("KMS encrypt and decrypt calls")
                .tag("provider", provider).tag("operation", operation).register(registry).increment();
    }
}
