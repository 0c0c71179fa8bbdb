package io.proofline.resolution;

import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.VendorResult;

/** Checks name, DOB, SSN and address against authoritative sources, and that they are one person's. */
public interface IdentityResolution {

    /** Passes when every attribute is verified and they belong to a single person. */
    VendorResult<ResolutionOutcome> resolve(ResolutionRequest request, IdempotencyKey key);
}
