package io.proofline.vendors;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An operator's switch for one vendor: a row of {@code vendor_status}. Vendor and state stay text, so that a
 * row this version no longer knows is skipped rather than failing every read.
 */
@Entity
@Table(name = "vendor_status")
class VendorSwitch {

    /** {@link VendorId#key()}. */
    @Id
    private String vendor;

    /** {@link VendorState#name()}. */
    private String state;

    private Instant changedAt;

    protected VendorSwitch() {
        // for JPA
    }

    VendorSwitch(String vendor, String state, Instant changedAt) {
        this.vendor = vendor;
        this.state = state;
        this.changedAt = changedAt;
    }

    String vendor() {
        return vendor;
    }

    String state() {
        return state;
    }
}
