package io.proofline.documents;

import java.util.Arrays;
import java.util.Optional;

/** The two kinds of photo the vendor takes, told apart by their first bytes. */
public enum ImageType {
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String contentType;
    private final String extension;
    private final byte[] magic;

    ImageType(String contentType, String extension, byte[] magic) {
        this.contentType = contentType;
        this.extension = extension;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The type the content's first bytes claim: a claim only, which {@link ImageHeader#read} checks. */
    public static Optional<ImageType> claimedBy(byte[] content) {
        return Arrays.stream(values()).filter(type -> content.length >= type.magic.length
                && Arrays.equals(content, 0, type.magic.length, type.magic, 0, type.magic.length)).findFirst();
    }
}
