package io.proofline.documents;

import io.proofline.journey.FailureReason;

/** Why document authentication said no; the advice is {@code verify.advice.<name>} in the message bundles. */
public enum DocumentFailure implements FailureReason {
    IMAGE_GLARE, IMAGE_BLUR, IMAGE_RESOLUTION, DOCUMENT_NOT_AUTHENTIC, UNSUPPORTED_DOCUMENT, FACE_MISMATCH,
    LIVENESS_FAILED;

    public boolean isImageQuality() {
        return this == IMAGE_GLARE || this == IMAGE_BLUR || this == IMAGE_RESOLUTION;
    }
}
