package io.proofline.vendors;

import java.util.EnumMap;
import java.util.Map;

/** Vendor switches for tests that run adapters without Spring. */
public final class InMemoryVendorStatus implements VendorStatus {

    private final Map<VendorId, VendorState> states = new EnumMap<>(VendorId.class);

    @Override
    public synchronized VendorState stateOf(VendorId vendor) {
        return states.getOrDefault(vendor, VendorState.OPERATIONAL);
    }

    @Override
    public synchronized Map<VendorId, VendorState> all() {
        Map<VendorId, VendorState> all = new EnumMap<>(VendorId.class);
        for (VendorId vendor : VendorId.values()) {
            all.put(vendor, stateOf(vendor));
        }
        return all;
    }

    @Override
    public synchronized void set(VendorId vendor, VendorState state) {
        states.put(vendor, state);
    }
}
