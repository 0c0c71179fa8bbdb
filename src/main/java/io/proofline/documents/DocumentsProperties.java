package io.proofline.documents;

import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The limits on an uploaded photo; the defaults are application.yml's.
 *
 * @param maxPhotoSize  the largest photo file taken (the upload page says 10 MB); below
 *                      {@code spring.servlet.multipart.max-file-size}, so that a photo a little larger gets this
 *                      message rather than the servlet's refusal
 * @param maxMegapixels the most pixels a photo may declare, in millions: a small file can declare a huge image
 *                      (a decompression bomb), and its header says so before any pixel is decoded
 */
@ConfigurationProperties("proofline.documents")
public record DocumentsProperties(DataSize maxPhotoSize, Integer maxMegapixels) {

    public DocumentsProperties {
        Objects.requireNonNull(maxPhotoSize, "proofline.documents.max-photo-size");
        Objects.requireNonNull(maxMegapixels, "proofline.documents.max-megapixels");
        if (maxPhotoSize.toBytes() <= 0 || maxMegapixels <= 0) {
            throw new IllegalArgumentException("proofline.documents limits must be positive");
        }
    }

    public long maxPixels() {
        return maxMegapixels * 1_000_000L;
    }
}
