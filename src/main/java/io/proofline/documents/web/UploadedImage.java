package io.proofline.documents.web;

import java.io.IOException;
import java.util.Optional;

import org.springframework.web.multipart.MultipartFile;

import io.proofline.documents.DocumentsProperties;
import io.proofline.documents.ImageHeader;
import io.proofline.documents.ImageHeader.UnreadableImageException;

/**
 * Checks a photo before it goes to the vendor: present, not too large, and really a complete JPEG or PNG of
 * possible and not excessive dimensions, by its header (not by the name or type the browser claims, and without
 * decoding its pixels: {@link ImageHeader}). Returns the message key of what is wrong.
 */
final class UploadedImage {

    /** The largest width or height a JPEG can declare; a PNG claiming more is no photo. */
    static final long MAX_SIDE = 65_535;

    private UploadedImage() {
    }

    static Optional<String> problem(MultipartFile file, DocumentsProperties limits) {
        if (file == null || file.isEmpty()) {
            return Optional.of("verify.upload.error.missing");
        }
        if (file.getSize() > limits.maxPhotoSize().toBytes()) {
            return Optional.of("verify.upload.error.tooLarge");
        }
        ImageHeader header;
        try {
            header = ImageHeader.read(bytes(file));
        } catch (UnreadableImageException e) {
            return Optional.of(switch (e.problem()) {
                case NOT_JPEG_OR_PNG -> "verify.upload.error.type";
                case DAMAGED -> "verify.upload.error.damaged";
            });
        }
        if (header.width() <= 0 || header.height() <= 0 || header.width() > MAX_SIDE || header.height() > MAX_SIDE) {
            return Optional.of("verify.upload.error.dimensions");
        }
        return header.pixels() > limits.maxPixels() ? Optional.of("verify.upload.error.tooManyPixels")
                : Optional.empty();
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new IllegalStateException("An uploaded image could not be read", e);
        }
    }
}
