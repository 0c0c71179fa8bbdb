package io.proofline.documents;

import java.util.Objects;

/**
 * The images of one attempt, as uploaded. The adapter rejects none of them (the vendor judges
 * quality) and keeps none of them. {@code toString} prints sizes only.
 */
public record DocumentImages(byte[] front, byte[] back, byte[] selfie) {

    public DocumentImages {
        Objects.requireNonNull(front, "front");
        Objects.requireNonNull(back, "back");
        Objects.requireNonNull(selfie, "selfie");
    }

    @Override
    public String toString() {
        return "DocumentImages[front=" + front.length + " bytes, back=" + back.length + " bytes, selfie="
                + selfie.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
