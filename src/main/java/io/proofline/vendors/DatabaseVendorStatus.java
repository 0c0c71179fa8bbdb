package io.proofline.vendors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vendor switches in our own table, so a switch flipped on one node holds on all of them. Reads are
 * cached briefly: an adapter consults the status on every call and a database round trip each time
 * would cost more than the switch is worth.
 */
@Component
class DatabaseVendorStatus implements VendorStatus {

    private static final Logger log = LoggerFactory.getLogger(DatabaseVendorStatus.class);

    private final VendorSwitchRepository switches;
    private final Clock clock;
    private final Duration cacheFor;

    private volatile Map<VendorId, VendorState> cached;
    /** Monotonic, not the engine clock: a test that moves the engine clock back must not freeze the cache. */
    private volatile long cachedAtNanos;

    DatabaseVendorStatus(VendorSwitchRepository switches, Clock clock, VendorsProperties properties) {
        this.switches = switches;
        this.clock = clock;
        this.cacheFor = properties.statusCache();
    }

    @Override
    public VendorState stateOf(VendorId vendor) {
        return all().get(vendor);
    }

    @Override
    public Map<VendorId, VendorState> all() {
        Map<VendorId, VendorState> current = cached;
        if (current == null || System.nanoTime() - cachedAtNanos >= cacheFor.toNanos()) {
            current = load();
        }
        return current;
    }

    @Override
    @Transactional
    public void set(VendorId vendor, VendorState state) {
        Instant now = Instant.now(clock);
        if (switches.updateState(vendor.key(), state.name(), now) == 0) {
            switches.insert(new VendorSwitch(vendor.key(), state.name(), now));
        }
        log.warn("Vendor status changed: vendor={} state={}", vendor.key(), state);
        cached = null;
    }

    private Map<VendorId, VendorState> load() {
        Map<VendorId, VendorState> states = new EnumMap<>(VendorId.class);
        for (VendorId vendor : VendorId.values()) {
            states.put(vendor, VendorState.OPERATIONAL);
        }
        try {
            for (VendorSwitch stored : switches.findAll()) {
                try {
                    states.put(VendorId.fromKey(stored.vendor()), VendorState.valueOf(stored.state()));
                } catch (IllegalArgumentException unknown) {
                    // a vendor or state this version no longer knows: ignore the row
                }
            }
        } catch (RuntimeException e) {
            // An unreadable switch table must not stop every vendor call: assume operational, say so.
            log.warn("Vendor status unreadable, assuming all vendors operational: {}", e.getClass().getSimpleName());
            return states;
        }
        Map<VendorId, VendorState> loaded = Map.copyOf(states);
        cached = loaded;
        cachedAtNanos = System.nanoTime();
        return loaded;
    }
}
