package io.proofline.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.StubbedVendors;
import io.proofline.vendors.VendorErrorKind;
import io.proofline.vendors.VendorId;
import io.proofline.vendors.VendorResult;
import io.proofline.vendors.VendorState;

/** Document authentication against vendor-stubs/mappings/docauth.json. */
class DocumentAuthenticationTest {

    static WireMockServer server;
    StubbedVendors vendors;
    DocumentAuthentication documents;

    @BeforeAll
    static void startStubs() {
        server = StubbedVendors.startStubServer();
    }

    @AfterAll
    static void stopStubs() {
        server.stop();
    }

    @BeforeEach
    void freshAdapter() {
        vendors = StubbedVendors.on(server);
        documents = new VendorDocumentAuthentication(vendors.clients());
    }

    /** Binary noise with the stub's marker in the middle, as an image file with a marker would be. */
    static byte[] image(String marker) {
        byte[] noise = new byte[4096];
        new Random(marker.hashCode()).nextBytes(noise);
        byte[] mark = marker.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(mark, 0, noise, 1000, mark.length);
        return noise;
    }

    static DocumentImages images(String front, String selfie) {
        return new DocumentImages(image(front), image("back"), image(selfie));
    }

    static IdempotencyKey key(String step) {
        return IdempotencyKey.of("1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b", step);
    }

    @Test
    void eachImageGoesToTheVendorLabelledWithItsOwnType() {
        byte[] png = image("plain");
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, png, 0, 8);
        byte[] jpeg = image("plain");
        System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 0, jpeg, 0, 3);

        assertThat(documents.verify(new DocumentImages(png, jpeg, png), key("doc:1")).isPass()).isTrue();

        assertThat(vendors.requestsTo(VendorDocumentAuthentication.PATH).get(0).getParts())
                .extracting(part -> part.getName() + " " + part.getHeader("Content-Type").firstValue() + " "
                        + part.getHeader("Content-Disposition").firstValue().replaceAll(".*filename=", ""))
                .containsExactlyInAnyOrder("front image/png \"front.png\"", "back image/jpeg \"back.jpg\"",
                        "selfie image/png \"selfie.png\"");
    }

    @Test
    void anAuthenticIdWithAMatchingLiveSelfiePassesWithItsFields() {
        VendorResult<DocumentVerification> result = documents.verify(images("plain", "plain"), key("doc:1"));

        assertThat(result.isPass()).isTrue();
        IdDocumentFields fields = ((VendorResult.Passed<DocumentVerification>) result).value().fields();
        assertThat(fields.firstName()).isEqualTo("FAKEY");
        assertThat(fields.lastName()).isEqualTo("MCFAKERSON");
        assertThat(fields.dateOfBirth()).isEqualTo(LocalDate.of(1938, 10, 6));
        assertThat(fields.address().zip()).isEqualTo("59010");
        assertThat(fields.issuingState()).isEqualTo("MT");
        assertThat(fields.idNumber()).isEqualTo("1111111111111");
        assertThat(fields.expiry()).isEqualTo(LocalDate.of(2099, 12, 31));
        assertThat(vendors.requestsTo(VendorDocumentAuthentication.PATH).get(0).getParts())
                .extracting(p -> p.getName()).containsExactlyInAnyOrder("front", "back", "selfie");
    }

    @Test
    void poorImagesFailWithRetakeAdvice() {
        assertThat(documents.verify(images("STUB:GLARE", "plain"), key("a")).reasonCodes()).containsExactly("IMAGE_GLARE");
        assertThat(documents.verify(images("STUB:BLUR", "plain"), key("b")).reasonCodes()).containsExactly("IMAGE_BLUR");
        VendorResult<DocumentVerification> lowRes = documents.verify(images("STUB:LOWRES", "plain"), key("c"));
        assertThat(lowRes.reasonCodes()).containsExactly("IMAGE_RESOLUTION");
        assertThat(((VendorResult.Failed<DocumentVerification>) lowRes).reasons().get(0).messageKey()).isEqualTo("verify.advice.IMAGE_RESOLUTION");
    }

    @Test
    void aFakeIdAnUnsupportedIdAMismatchedOrSpoofedSelfieFail() {
        assertThat(documents.verify(images("STUB:FAKE", "plain"), key("a")).reasonCodes()).containsExactly("DOCUMENT_NOT_AUTHENTIC");
        assertThat(documents.verify(images("STUB:PASSPORTCARD", "plain"), key("b")).reasonCodes()).containsExactly("UNSUPPORTED_DOCUMENT");
        assertThat(documents.verify(images("plain", "STUB:NOMATCH"), key("c")).reasonCodes()).containsExactly("FACE_MISMATCH");
        assertThat(documents.verify(images("plain", "STUB:SPOOF"), key("d")).reasonCodes()).containsExactly("LIVENESS_FAILED");
        assertThat(vendors.outcomeCount(VendorId.DOCUMENT_AUTH, "fail")).isEqualTo(4);
    }

    @Test
    void aTimeoutIsAVendorErrorAfterOneRetryUnderTheSameKey() {
        VendorResult<DocumentVerification> result = documents.verify(images("STUB:TIMEOUT", "plain"), key("t"));

        assertThat(result).isEqualTo(VendorResult.error(VendorId.DOCUMENT_AUTH, VendorErrorKind.TIMEOUT));
        assertThat(vendors.keysSentTo(VendorDocumentAuthentication.PATH)).containsExactly(key("t").value(), key("t").value());
        assertThat(vendors.outcomeCount(VendorId.DOCUMENT_AUTH, "fail")).isZero();
    }

    @Test
    void aServerErrorIsAVendorError() {
        assertThat(documents.verify(images("STUB:ERROR", "plain"), key("e")))
                .isEqualTo(VendorResult.error(VendorId.DOCUMENT_AUTH, VendorErrorKind.SERVER_ERROR));
    }

    @Test
    void aMalformedReplyIsAVendorError() {
        assertThat(documents.verify(images("STUB:GARBLED", "plain"), key("m")))
                .isEqualTo(VendorResult.error(VendorId.DOCUMENT_AUTH, VendorErrorKind.MALFORMED_REPLY));
        assertThat(vendors.requestsTo(VendorDocumentAuthentication.PATH)).hasSize(1);
    }

    @Test
    void anOpenCircuitAnswersVendorErrorWithoutCalling() {
        documents.verify(images("STUB:ERROR", "plain"), key("1"));
        documents.verify(images("STUB:ERROR", "plain"), key("2"));
        int sent = vendors.requestsTo(VendorDocumentAuthentication.PATH).size();

        assertThat(documents.verify(images("plain", "plain"), key("3")))
                .isEqualTo(VendorResult.error(VendorId.DOCUMENT_AUTH, VendorErrorKind.CIRCUIT_OPEN));
        assertThat(vendors.requestsTo(VendorDocumentAuthentication.PATH)).hasSize(sent);
    }

    @Test
    void anOutageIsAVendorErrorWithoutCalling() {
        vendors.status.set(VendorId.DOCUMENT_AUTH, VendorState.OUTAGE);

        assertThat(documents.verify(images("plain", "plain"), key("o")))
                .isEqualTo(VendorResult.error(VendorId.DOCUMENT_AUTH, VendorErrorKind.OUTAGE));
        assertThat(vendors.requestsTo(VendorDocumentAuthentication.PATH)).isEmpty();
    }

    @Test
    void imagesAndFieldsPrintNoContent() {
        assertThat(images("plain", "plain").toString()).isEqualTo("DocumentImages[front=4096 bytes, back=4096 bytes, selfie=4096 bytes]");
        VendorResult<DocumentVerification> result = documents.verify(images("plain", "plain"), key("p"));
        assertThat(result.toString()).doesNotContain("FAKEY", "MCFAKERSON", "1938", "59010", "1111111111111");
    }
}
