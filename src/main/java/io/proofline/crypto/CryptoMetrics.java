package io.proofline.crypto;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the expensive crypto work, so dashboards and the benchmark can see it. Tags name the purpose or
 * the operation, never a user or a value.
 */
@Component
class CryptoMetrics {

    static final String SCRYPT_DERIVATIONS = "proofline.crypto.scrypt.derivations";
    static final String KMS_CALLS = "proofline.crypto.kms.calls";

    private final MeterRegistry registry;

    CryptoMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void scryptDerivation(String purpose) {
        Counter.builder(SCRYPT_DERIVATIONS).description("scrypt key derivations")
                .tag("purpose", purpose).register(registry).increment();
    }

    void kmsCall(String provider, String operation) {
        Counter.builder(KMS_CALLS).description("KMS encrypt and decrypt calls")
                .tag("provider", provider).tag("operation", operation).register(registry).increment();
    }
}
