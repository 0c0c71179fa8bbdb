package io.proofline.documents;

import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.VendorResult;

/** Checks an ID and a selfie; passes with the fields read from the ID. */
public interface DocumentAuthentication {

    /**
     * Passes when the ID is authentic, the selfie matches its portrait and is live, and every image
     * is good enough; fails with image-quality reasons ("retake the photo") before anything else.
     */
    VendorResult<DocumentVerification> verify(DocumentImages images, IdempotencyKey key);
}
