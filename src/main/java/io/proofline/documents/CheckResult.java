package io.proofline.documents;

/** One of the vendor's checks. */
public enum CheckResult {
    PASSED, FAILED, NOT_PROCESSED
}
