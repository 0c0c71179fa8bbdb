package io.proofline.vault;

import java.util.Optional;

import org.springframework.stereotype.Service;

import io.proofline.crypto.SessionEncryptor;
import io.proofline.proofing.JourneyId;

/**
 * PII between proofing steps, encrypted with the shared session key before it reaches the store. The
 * journey id is the key and the encryption context, so an entry copied under another journey fails to open.
 */
@Service
public class PiiVault {

    private final VaultStore store;
    private final SessionEncryptor encryptor;
    private final VaultProperties properties;

    PiiVault(VaultStore store, SessionEncryptor encryptor, VaultProperties properties) {
        this.store = store;
        this.encryptor = encryptor;
        this.properties = properties;
    }

    /** Adds what a step collected to what the journey already holds; returns the whole. Restarts the TTL. */
    public ProofingPii merge(JourneyId journey, ProofingPii collected) {
        ProofingPii merged = find(journey).orElseGet(ProofingPii::empty).mergedWith(collected);
        store.put(journey.toString(), encryptor.encrypt(merged.toBytes(), context(journey)), properties.ttl());
        return merged;
    }

    public Optional<ProofingPii> find(JourneyId journey) {
        return store.get(journey.toString())
                .map(sealed -> ProofingPii.fromBytes(encryptor.decrypt(sealed, context(journey))));
    }

    public void delete(JourneyId journey) {
        store.delete(journey.toString());
    }

    private static String context(JourneyId journey) {
        return "vault:" + journey;
    }
}
