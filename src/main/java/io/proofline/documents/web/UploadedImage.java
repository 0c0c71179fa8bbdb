package io.proofline.documents.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.web.multipart.MultipartFile;

/**
 * Checks a photo before it goes to the vendor: present, not too large, and really a JPEG or PNG (by its
 * first bytes, not by the name or type the browser claims). Returns the message key of what is wrong.
 */
final class UploadedImage {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private UploadedImage() {
    }

    static Optional<String> problem(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return Optional.of("verify.upload.error.missing");
        }
        if (file.getSize() > MAX_BYTES) {
            return Optional.of("verify.upload.error.tooLarge");
        }
        return isJpegOrPng(bytes(file)) ? Optional.empty() : Optional.of("verify.upload.error.type");
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new IllegalStateException("An uploaded image could not be read", e);
        }
    }

    static boolean isJpegOrPng(byte[] content) {
        return startsWith(content, JPEG) || startsWith(content, PNG);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
