package io.proofline.vault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The embedded default's vault: one node, so memory will do; expiry reads the service clock. */
@Component
@ConditionalOnProperty(name = "proofline.vault.store", havingValue = "memory", matchIfMissing = true)
class InMemoryVaultStore implements VaultStore {

    private record Entry(String sealed, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    InMemoryVaultStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void put(String key, String sealed, Duration ttl) {
        entries.put(key, new Entry(sealed, clock.instant().plus(ttl)));
        removeExpired();
    }

    @Override
    public Optional<String> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.sealed());
    }

    @Override
    public void delete(String key) {
        entries.remove(key);
    }

    /** Called on every write, so abandoned journeys do not pile up even without a scheduler. */
    private void removeExpired() {
        Instant now = clock.instant();
        entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
    }
}
