package io.proofline.documents;

/**
 * What the vendor found. {@code fields} is present on a pass; on a failure it may be null.
 */
record DocumentVerification(CheckResult authenticity, CheckResult faceMatch, CheckResult liveness,
        IdDocumentFields fields) {
}
