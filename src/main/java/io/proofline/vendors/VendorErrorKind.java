package io.proofline.vendors;

/** Why a vendor gave no usable answer. None of these is the user's fault. */
public enum VendorErrorKind {
    /** No reply within the configured timeout. */
    TIMEOUT(true, true),
    /** The connection failed (refused, reset, DNS). */
    CONNECTION(true, true),
    /** 5xx or 429 from the vendor. */
    SERVER_ERROR(true, true),
    /** A 2xx reply we could not read: not JSON, or a required field missing or unknown. */
    MALFORMED_REPLY(false, true),
    /** A 4xx other than 429: our request or credentials are wrong; retrying will not help. */
    REJECTED_REQUEST(false, false),
    /** The circuit breaker is open: the vendor failed too often recently, so we did not call. */
    CIRCUIT_OPEN(false, false),
    /** Too many calls to this vendor in flight already. */
    BULKHEAD_FULL(false, false),
    /** An operator marked the vendor as in outage, so we did not call. */
    OUTAGE(false, false),
    /** A local dependency of the check is missing, e.g. no current revocation list for PIV/CAC. */
    UNAVAILABLE(false, false);

    private final boolean retryable;
    private final boolean vendorFault;

    VendorErrorKind(boolean retryable, boolean vendorFault) {
        this.retryable = retryable;
        this.vendorFault = vendorFault;
    }

    /** Worth another attempt under the same idempotency key (idempotent calls only). */
    public boolean retryable() {
        return retryable;
    }

    /** Counts against the vendor's circuit breaker. */
    public boolean vendorFault() {
        return vendorFault;
    }
}
