package io.proofline.documents.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

/** A photo is checked by its first bytes and its size before it goes to the vendor. */
class UploadedImageTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0};

    @Test
    void jpegAndPngPassWhateverTheyAreCalledAndAnythingElseIsRefused() {
        assertThat(UploadedImage.problem(file("front.txt", "text/plain", JPEG))).isEmpty();
        assertThat(UploadedImage.problem(file("front.bin", "application/octet-stream", PNG))).isEmpty();
        assertThat(UploadedImage.problem(file("front.jpg", "image/jpeg", "GIF89a".getBytes())))
                .contains("verify.upload.error.type");
        assertThat(UploadedImage.problem(file("front.jpg", "image/jpeg", new byte[0])))
                .contains("verify.upload.error.missing");
        assertThat(UploadedImage.problem(null)).contains("verify.upload.error.missing");
    }

    @Test
    void aPhotoOverTenMegabytesGetsItsOwnMessageBecauseTheServletLimitIsAboveIt() throws Exception {
        byte[] large = Arrays.copyOf(JPEG, (int) UploadedImage.MAX_BYTES + 1);
        assertThat(UploadedImage.problem(file("front.jpg", "image/jpeg", large))).contains("verify.upload.error.tooLarge");

        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        DataSize servletLimit = Binder.get(environment).bind("spring.servlet.multipart.max-file-size", DataSize.class)
                .get();
        assertThat(servletLimit.toBytes()).isGreaterThan(UploadedImage.MAX_BYTES);
    }

    private static MockMultipartFile file(String name, String type, byte[] content) {
        return new MockMultipartFile("front", name, type, content);
    }
}
