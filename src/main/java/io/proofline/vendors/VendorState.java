package io.proofline.vendors;

/** An operator's switch per vendor. In {@link #OUTAGE} adapters answer vendor error without calling. */
public enum VendorState {
    OPERATIONAL, OUTAGE
}
