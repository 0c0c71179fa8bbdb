package io.proofline.vendors;

import java.util.Map;

/**
 * Per-vendor outage switches that an operator flips at runtime ({@code /actuator/vendorstatus}), so a
 * journey can route around a vendor that is down (phone records down: offer the letter). Shared by
 * every node of a cluster.
 */
public interface VendorStatus {

    VendorState stateOf(VendorId vendor);

    /** Every vendor with its state. */
    Map<VendorId, VendorState> all();

    void set(VendorId vendor, VendorState state);

    default boolean isOperational(VendorId vendor) {
        return stateOf(vendor) == VendorState.OPERATIONAL;
    }
}
