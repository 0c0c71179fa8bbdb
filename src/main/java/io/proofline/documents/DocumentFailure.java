package io.proofline.documents;

import io.proofline.vendors.FailureReason;

/** Why document authentication said no, with what the user can do about it. */
public enum DocumentFailure implements FailureReason {
    IMAGE_GLARE("Retake the photo away from direct light"),
    IMAGE_BLUR("Retake the photo, holding the camera steady"),
    IMAGE_RESOLUTION("Retake the photo closer, with the ID filling the frame"),
    DOCUMENT_NOT_AUTHENTIC("Use your original, physical state ID"),
    UNSUPPORTED_DOCUMENT("Use a U.S. state driver's license or state ID card"),
    FACE_MISMATCH("Retake your selfie, facing the camera, without glasses or a hat"),
    LIVENESS_FAILED("Retake your selfie live: not a photo of a photo or a screen");

    private final String advice;

    DocumentFailure(String advice) {
        this.advice = advice;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String advice() {
        return advice;
    }

    public boolean isImageQuality() {
        return this == IMAGE_GLARE || this == IMAGE_BLUR || this == IMAGE_RESOLUTION;
    }
}
