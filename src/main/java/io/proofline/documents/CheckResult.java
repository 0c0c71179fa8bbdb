package io.proofline.documents;

/** One of the vendor's checks. */
enum CheckResult {
    PASSED, FAILED, NOT_PROCESSED
}
