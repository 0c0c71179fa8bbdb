package io.proofline.documents;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

import io.proofline.vendors.CallKind;
import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.MalformedReplyException;
import io.proofline.vendors.PostalAddress;
import io.proofline.vendors.ReplyInterpreter;
import io.proofline.vendors.VendorClient;
import io.proofline.vendors.VendorClients;
import io.proofline.vendors.VendorId;
import io.proofline.vendors.VendorResult;

/**
 * {@code POST /docauth/v1/verify}, multipart: {@code front}, {@code back}, {@code selfie}. Checking
 * images changes nothing at the vendor, so it is retried under the same key. Image-quality thresholds
 * are Login.gov's: resolution 290 DPI, sharpness 40, glare 40 (higher is better).
 */
@Component
class VendorDocumentAuthentication implements DocumentAuthentication {

    static final String PATH = "/docauth/v1/verify";
    static final int MIN_DPI = 290;
    static final int MIN_SHARPNESS = 40;
    static final int MIN_GLARE = 40;

    private static final MediaType UNKNOWN = MediaType.get("application/octet-stream");

    private final VendorClient client;

    VendorDocumentAuthentication(VendorClients clients) {
        this.client = clients.client(VendorId.DOCUMENT_AUTH);
    }

    @Override
    public VendorResult<DocumentVerification> verify(DocumentImages images, IdempotencyKey key) {
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        part(body, "front", images.front());
        part(body, "back", images.back());
        part(body, "selfie", images.selfie());
        return client.post("verify", PATH, CallKind.IDEMPOTENT, key, body.build(),
                VendorDocumentAuthentication::interpret);
    }

    /** Each image labelled with its own type (the upload took only JPEGs and PNGs); anything else as bytes. */
    private static void part(MultipartBody.Builder body, String side, byte[] image) {
        Optional<ImageType> type = ImageType.claimedBy(image);
        body.addFormDataPart(side, side + "." + type.map(ImageType::extension).orElse("bin"), RequestBody.create(image,
                type.map(known -> MediaType.get(known.contentType())).orElse(UNKNOWN)));
    }

    static VendorResult<DocumentVerification> interpret(JsonNode reply) {
        CheckResult authenticity = ReplyInterpreter.oneOf(reply, "authenticity", CheckResult.class);
        CheckResult faceMatch = ReplyInterpreter.oneOf(reply, "faceMatch", CheckResult.class);
        CheckResult liveness = ReplyInterpreter.oneOf(reply, "liveness", CheckResult.class);

        Set<DocumentFailure> quality = new LinkedHashSet<>();
        for (String side : List.of("front", "back")) {
            JsonNode metrics = reply.path("imageMetrics").path(side);
            if (number(metrics, "glare") < MIN_GLARE) {
                quality.add(DocumentFailure.IMAGE_GLARE);
            }
            if (number(metrics, "sharpness") < MIN_SHARPNESS) {
                quality.add(DocumentFailure.IMAGE_BLUR);
            }
            if (number(metrics, "dpi") < MIN_DPI) {
                quality.add(DocumentFailure.IMAGE_RESOLUTION);
            }
        }
        if (!quality.isEmpty()) {
            // A poor image makes every other check meaningless: ask for a retake first.
            return VendorResult.fail(new DocumentVerification(authenticity, faceMatch, liveness, null), List.copyOf(quality));
        }
        List<DocumentFailure> failures = new ArrayList<>();
        if (authenticity != CheckResult.PASSED) {
            failures.add(reply.path("alerts").toString().contains("UNSUPPORTED_DOCUMENT")
                    ? DocumentFailure.UNSUPPORTED_DOCUMENT : DocumentFailure.DOCUMENT_NOT_AUTHENTIC);
        }
        if (faceMatch != CheckResult.PASSED) {
            failures.add(DocumentFailure.FACE_MISMATCH);
        }
        if (liveness != CheckResult.PASSED) {
            failures.add(DocumentFailure.LIVENESS_FAILED);
        }
        if (!failures.isEmpty()) {
            return VendorResult.fail(new DocumentVerification(authenticity, faceMatch, liveness, null), failures);
        }
        return VendorResult.pass(new DocumentVerification(authenticity, faceMatch, liveness, fields(reply.path("document"))));
    }

    private static int number(JsonNode metrics, String field) {
        JsonNode value = metrics.path(field);
        if (!value.isNumber()) {
            throw new MalformedReplyException("missing number field 'imageMetrics." + field + "'");
        }
        return value.intValue();
    }

    private static IdDocumentFields fields(JsonNode document) {
        JsonNode address = document.path("address");
        return new IdDocumentFields(
                ReplyInterpreter.text(document, "firstName"),
                ReplyInterpreter.text(document, "lastName"),
                date(document, "dateOfBirth"),
                new PostalAddress(ReplyInterpreter.text(address, "line1"), address.path("line2").asText(null),
                        ReplyInterpreter.text(address, "city"), ReplyInterpreter.text(address, "state"),
                        ReplyInterpreter.text(address, "zip")),
                ReplyInterpreter.text(document, "idNumber"),
                ReplyInterpreter.text(document, "issuingState"),
                date(document, "expiry"));
    }

    private static LocalDate date(JsonNode node, String field) {
        try {
            return LocalDate.parse(ReplyInterpreter.text(node, field));
        } catch (DateTimeParseException e) {
            throw new MalformedReplyException("field '" + field + "' is not a date");
        }
    }
}
