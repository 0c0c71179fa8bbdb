package io.proofline.resolution;

import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.VendorResult;

/** Confirms a state ID (number, name, DOB, expiry) with the issuing state's motor vehicle agency. */
public interface StateDmv {

    /**
     * Passes when ID number, date of birth, first and last name are verified and the expiry is not
     * contradicted; also passes, with {@code jurisdictionSupported} false, when the issuing state
     * cannot be asked (as Login.gov skips unsupported jurisdictions).
     */
    VendorResult<DmvOutcome> confirm(StateIdRequest request, IdempotencyKey key);
}
