package io.proofline.documents.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

import io.proofline.documents.DocumentsProperties;
import io.proofline.documents.ImageHeader;
import io.proofline.support.ApplicationYml;

/**
 * A photo is checked by its header and its size before it goes to the vendor: a complete JPEG or PNG, of possible
 * dimensions and no more pixels than configured, read without decoding a pixel.
 */
class UploadedImageTest {

    static final DocumentsProperties LIMITS = ApplicationYml.bind("proofline.documents", DocumentsProperties.class);
    static final byte[] JPEG = photo("jpeg");
    static final byte[] PNG = photo("png");

    @Test
    void completeJpegsAndPngsPassWhateverTheyAreCalledEvenWithBytesAfterTheirEnd() {
        assertThat(problem(file("front.txt", "text/plain", JPEG))).isEmpty();
        assertThat(problem(file("front.bin", "application/octet-stream", PNG))).isEmpty();
        // The stubs' triggers ride after the image data (vendor-stubs/README.md), as cameras' trailers do.
        assertThat(problem(file("front.jpg", "image/jpeg", concat(JPEG, "STUB:GLARE".getBytes())))).isEmpty();
        assertThat(problem(file("front.png", "image/png", concat(PNG, "STUB:GLARE".getBytes())))).isEmpty();
    }

    @Test
    void aFileThatIsNotAJpegOrPngIsRefusedWhateverItsFirstBytesClaim() {
        assertThat(problem(file("front.jpg", "image/jpeg", "GIF89a".getBytes()))).contains("verify.upload.error.type");
        byte[] htmlAfterAJpegSignature = concat(Arrays.copyOf(JPEG, 3),
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));
        assertThat(problem(file("front.jpg", "image/jpeg", htmlAfterAJpegSignature)))
                .contains("verify.upload.error.type");
        byte[] textAfterAPngSignature = concat(Arrays.copyOf(PNG, 8), "not a chunk at all".getBytes());
        assertThat(problem(file("front.png", "image/png", textAfterAPngSignature))).contains("verify.upload.error.type");
        assertThat(problem(file("front.jpg", "image/jpeg", new byte[0]))).contains("verify.upload.error.missing");
        assertThat(problem(null)).contains("verify.upload.error.missing");
    }

    @Test
    void aTruncatedOrBrokenPhotoIsRefusedAsDamaged() {
        assertThat(problem(file("front.jpg", "image/jpeg", Arrays.copyOf(JPEG, 40)))).as("40 bytes of a JPEG")
                .contains("verify.upload.error.damaged");
        assertThat(problem(file("front.jpg", "image/jpeg", Arrays.copyOf(JPEG, JPEG.length - 2))))
                .as("a JPEG without its EOI").contains("verify.upload.error.damaged");
        assertThat(problem(file("front.jpg", "image/jpeg", withoutStartOfFrame(JPEG))))
                .as("a JPEG scan with no SOF before it").contains("verify.upload.error.damaged");
        assertThat(problem(file("front.png", "image/png", Arrays.copyOf(PNG, PNG.length - 12))))
                .as("a PNG without its IEND").contains("verify.upload.error.damaged");
        assertThat(problem(file("front.png", "image/png", Arrays.copyOf(PNG, 20)))).as("a PNG cut in its IHDR")
                .contains("verify.upload.error.damaged");
    }

    @Test
    void aPhotoOfNoWidthOrHeightOrOfAbsurdOnesIsRefused() {
        assertThat(problem(file("front.png", "image/png", png(0, 600, new byte[8]))))
                .contains("verify.upload.error.dimensions");
        assertThat(problem(file("front.png", "image/png", png(100_000, 10, new byte[8]))))
                .contains("verify.upload.error.dimensions");
        byte[] noHeight = JPEG.clone();
        int sof = startOfFrame(noHeight);
        noHeight[sof + 5] = 0;
        noHeight[sof + 6] = 0;
        assertThat(problem(file("front.jpg", "image/jpeg", noHeight))).contains("verify.upload.error.dimensions");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutInflatingAPixel() throws Exception {
        byte[] bomb = decompressionBomb();
        assertThat(bomb.length).as("a 20000x20000 grey PNG").isLessThan(400 * 1024);
        long started = System.nanoTime();
        ImageHeader header = ImageHeader.read(bomb);
        long micros = (System.nanoTime() - started) / 1000;
        System.out.printf("The %d-byte bomb's header read in %d µs: %dx%d%n", bomb.length, micros, header.width(),
                header.height());
        assertThat(header.pixels()).isEqualTo(400_000_000L);
        assertThat(problem(file("front.png", "image/png", bomb))).contains("verify.upload.error.tooManyPixels");
        // Its image data is never inflated: the same header over data that is not even deflate is read the same.
        assertThat(ImageHeader.read(png(20_000, 20_000, new byte[389 * 1024])).pixels()).isEqualTo(400_000_000L);
    }

    @Test
    void theMegapixelLimitIsConfiguredAndItsDefaultIsFifty() {
        assertThat(LIMITS.maxMegapixels()).isEqualTo(50);
        DocumentsProperties one = ApplicationYml.bind("proofline.documents", DocumentsProperties.class,
                Map.of("PROOFLINE_DOCUMENTS_MAX_MEGAPIXELS", "1"));
        assertThat(UploadedImage.problem(file("front.png", "image/png", png(1000, 1000, new byte[8])), one)).isEmpty();
        assertThat(UploadedImage.problem(file("front.png", "image/png", png(1001, 1000, new byte[8])), one))
                .contains("verify.upload.error.tooManyPixels");
    }

    @Test
    void aPhotoOverTenMegabytesGetsItsOwnMessageBecauseTheServletLimitIsAboveIt() throws Exception {
        assertThat(LIMITS.maxPhotoSize()).isEqualTo(DataSize.ofMegabytes(10));
        byte[] large = Arrays.copyOf(JPEG, (int) LIMITS.maxPhotoSize().toBytes() + 1);
        assertThat(problem(file("front.jpg", "image/jpeg", large))).contains("verify.upload.error.tooLarge");

        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        DataSize servletLimit = Binder.get(environment).bind("spring.servlet.multipart.max-file-size", DataSize.class)
                .get();
        assertThat(servletLimit.toBytes()).isGreaterThan(LIMITS.maxPhotoSize().toBytes());
    }

    private static java.util.Optional<String> problem(MockMultipartFile file) {
        return UploadedImage.problem(file, LIMITS);
    }

    private static MockMultipartFile file(String name, String type, byte[] content) {
        return new MockMultipartFile("front", name, type, content);
    }

    /** A small real photo, as the browser tests upload (AsAPerson.image). */
    static byte[] photo(String format) {
        try {
            BufferedImage picture = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            picture.setRGB(3, 3, 0x336699);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(picture, format, bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bomb: 20000x20000 8-bit grey, all zeros, deflated to under 400 KB. */
    static byte[] decompressionBomb() throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        byte[] row = new byte[20_000 + 1];
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new java.util.zip.Deflater(9), 1 << 16)) {
            for (int y = 0; y < 20_000; y++) {
                out.write(row);
            }
        }
        return png(20_000, 20_000, deflated.toByteArray());
    }

    /** A PNG's chunks around the given image data: 8-bit grey of the declared size. */
    static byte[] png(int width, int height, byte[] imageData) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(Arrays.copyOf(PNG, 8));
        png.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array()));
        png.writeBytes(chunk("IDAT", imageData));
        png.writeBytes(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII))
                .put(data).putInt((int) crc.getValue()).array();
    }

    /** Where the JPEG's SOF0 segment begins (its FF). */
    private static int startOfFrame(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) 0xC0) {
                return i;
            }
        }
        throw new AssertionError("no SOF0 in the test JPEG");
    }

    private static byte[] withoutStartOfFrame(byte[] jpeg) {
        int sof = startOfFrame(jpeg);
        int length = ((jpeg[sof + 2] & 0xFF) << 8) | (jpeg[sof + 3] & 0xFF);
        return concat(Arrays.copyOf(jpeg, sof), Arrays.copyOfRange(jpeg, sof + 2 + length, jpeg.length));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
