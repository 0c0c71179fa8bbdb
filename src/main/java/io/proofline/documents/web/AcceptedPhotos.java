package io.proofline.documents.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

import io.proofline.documents.DocumentImages;
import io.proofline.documents.DocumentsProperties;
import io.proofline.journey.JourneyId;
import io.proofline.vault.PiiVault;
import io.proofline.vault.PiiVault.Attachment;

/**
 * The upload step's photos across a retry: when one photo is refused (missing, too large, not a complete JPEG or
 * PNG, impossible or too many pixels: {@link UploadedImage}), the accepted ones stay sealed in the vault, as the
 * whole upload does until the check, so that the person replaces only the refused one. The refusals travel in the address of the redirect after the POST (codes, never the photos).
 */
@Component
class AcceptedPhotos {

    static final List<String> SIDES = List.of("front", "back", "selfie");
    private static final Map<String, Attachment> ATTACHMENTS = Map.of("front", Attachment.ACCEPTED_FRONT,
            "back", Attachment.ACCEPTED_BACK, "selfie", Attachment.ACCEPTED_SELFIE);
    /** A refusal's code in the address, and its message key. */
    private static final Map<String, String> PROBLEMS = Map.of("missing", "verify.upload.error.missing",
            "tooLarge", "verify.upload.error.tooLarge", "type", "verify.upload.error.type",
            "damaged", "verify.upload.error.damaged", "dimensions", "verify.upload.error.dimensions",
            "tooManyPixels", "verify.upload.error.tooManyPixels");

    /** The three photos as posted; a side left empty is null or an empty file. */
    record Photos(MultipartFile front, MultipartFile back, MultipartFile selfie) {

        MultipartFile side(String side) {
            return switch (side) {
                case "front" -> front;
                case "back" -> back;
                default -> selfie;
            };
        }
    }

    private final PiiVault vault;
    private final DocumentsProperties limits;

    AcceptedPhotos(PiiVault vault, DocumentsProperties limits) {
        this.vault = vault;
        this.limits = limits;
    }

    /**
     * Takes this post's photos, a kept one standing in for a side left empty; rejects the refused sides on
     * {@code errors}. Complete: the three photos, and nothing kept any longer. Otherwise the accepted are kept.
     */
    Optional<DocumentImages> take(JourneyId journey, Photos posted, Errors errors) {
        Map<String, byte[]> photos = new LinkedHashMap<>();
        for (String side : SIDES) {
            MultipartFile file = posted.side(side);
            Optional<byte[]> kept = vault.attachment(journey, ATTACHMENTS.get(side));
            if ((file == null || file.isEmpty()) && kept.isPresent()) {
                photos.put(side, kept.get());
                continue;
            }
            Optional<String> problem = UploadedImage.problem(file, limits);
            if (problem.isPresent()) {
                errors.rejectValue(side, problem.get());
            } else {
                photos.put(side, UploadedImage.bytes(file));
            }
        }
        if (errors.hasErrors()) {
            photos.forEach((side, photo) -> vault.attach(journey, ATTACHMENTS.get(side), photo));
            return Optional.empty();
        }
        SIDES.forEach(side -> vault.detach(journey, ATTACHMENTS.get(side)));
        return Optional.of(new DocumentImages(photos.get("front"), photos.get("back"), photos.get("selfie")));
    }

    /** The sides whose photo is kept for the retry. */
    List<String> kept(JourneyId journey) {
        return SIDES.stream().filter(side -> vault.attachment(journey, ATTACHMENTS.get(side)).isPresent()).toList();
    }

    /** {@code front:type,selfie:missing}: the refusals, for the redirect's address. */
    static String encode(Errors errors) {
        return errors.getFieldErrors().stream().map(error -> error.getField() + ":" + PROBLEMS.entrySet().stream()
                .filter(problem -> problem.getValue().equals(error.getCode())).map(Map.Entry::getKey).findFirst()
                .orElse("missing")).collect(Collectors.joining(","));
    }

    /** The refusals read back from the address (side to message key); anything not ours is ignored. */
    static Map<String, String> decode(String encoded) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (encoded == null) {
            return errors;
        }
        for (String pair : encoded.split(",")) {
            String[] sideAndCode = pair.split(":", 2);
            if (sideAndCode.length == 2 && SIDES.contains(sideAndCode[0]) && PROBLEMS.containsKey(sideAndCode[1])) {
                errors.put(sideAndCode[0], PROBLEMS.get(sideAndCode[1]));
            }
        }
        return errors;
    }
}
