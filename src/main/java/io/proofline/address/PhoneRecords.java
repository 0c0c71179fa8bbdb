package io.proofline.address;

import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.VendorResult;

/** Is this U.S. phone number tied to this person's name, address and SSN? */
public interface PhoneRecords {

    VendorResult<PhoneMatch> check(PhoneRecordRequest request, IdempotencyKey key);
}
