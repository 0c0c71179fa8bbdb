package io.proofline.address;

import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.VendorResult;

/**
 * USPS: the letter with a verification code, and in-person proofing (an enrollment the person takes
 * to a Post Office, and its status). Letters and enrollments are sends: never retried by the adapter.
 * The status poll is a lookup: retried under the same key.
 */
public interface Usps {

    VendorResult<LetterReceipt> sendLetter(LetterRequest request, IdempotencyKey key);

    /** Validated name and address in; a 16-digit enrollment code out. */
    VendorResult<Enrollment> enroll(EnrollmentRequest request, IdempotencyKey key);

    /** Passes whenever USPS answers; the value says where the enrollment stands. */
    VendorResult<EnrollmentStatus> enrollmentStatus(Enrollment enrollment, IdempotencyKey key);
}
