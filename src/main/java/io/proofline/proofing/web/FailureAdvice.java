package io.proofline.proofing.web;

import static java.util.Map.entry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.proofline.address.AddressFailure;
import io.proofline.documents.DocumentFailure;
import io.proofline.pivcac.PivCacFailure;
import io.proofline.resolution.DmvFailure;
import io.proofline.resolution.ResolutionFailure;

/**
 * What a person can do about a failed check, by the check's reason codes: the message keys of the advice shown
 * above the step's form. Codes without advice (none today; the test checks each reason has one) are left out.
 */
final class FailureAdvice {

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            entry(DocumentFailure.IMAGE_GLARE.code(), "verify.advice.imageGlare"),
            entry(DocumentFailure.IMAGE_BLUR.code(), "verify.advice.imageBlur"),
            entry(DocumentFailure.IMAGE_RESOLUTION.code(), "verify.advice.imageResolution"),
            entry(DocumentFailure.DOCUMENT_NOT_AUTHENTIC.code(), "verify.advice.documentNotAuthentic"),
            entry(DocumentFailure.UNSUPPORTED_DOCUMENT.code(), "verify.advice.unsupportedDocument"),
            entry(DocumentFailure.FACE_MISMATCH.code(), "verify.advice.faceMismatch"),
            entry(DocumentFailure.LIVENESS_FAILED.code(), "verify.advice.livenessFailed"),
            entry(PivCacFailure.CERTIFICATE_EXPIRED.code(), "verify.advice.certificateExpired"),
            entry(PivCacFailure.CERTIFICATE_REVOKED.code(), "verify.advice.certificateRevoked"),
            entry(PivCacFailure.UNTRUSTED_ISSUER.code(), "verify.advice.untrustedIssuer"),
            entry(PivCacFailure.WRONG_KEY_USAGE.code(), "verify.advice.wrongKeyUsage"),
            entry(PivCacFailure.INVALID_CHAIN.code(), "verify.advice.invalidChain"),
            entry(PivCacFailure.NO_NAME_IN_CERTIFICATE.code(), "verify.advice.noNameInCertificate"),
            // Identity resolution and the issuing state: which detail to look at, except that a refused SSN is
            // told only together with the name and date of birth, so the page never says whether an SSN exists.
            entry(ResolutionFailure.NAME_UNVERIFIED.code(), "verify.advice.nameUnverified"),
            entry(ResolutionFailure.DATE_OF_BIRTH_UNVERIFIED.code(), "verify.advice.dateOfBirthUnverified"),
            entry(ResolutionFailure.ADDRESS_UNVERIFIED.code(), "verify.advice.addressUnverified"),
            entry(ResolutionFailure.SSN_UNVERIFIED.code(), "verify.advice.detailsTogether"),
            entry(ResolutionFailure.NOT_A_SINGLE_PERSON.code(), "verify.advice.detailsTogether"),
            entry(DmvFailure.ID_NUMBER_UNVERIFIED.code(), "verify.advice.idNumberUnverified"),
            entry(DmvFailure.EXPIRY_UNVERIFIED.code(), "verify.advice.idExpired"),
            entry("NAME_DOES_NOT_MATCH_CARD", "verify.advice.nameDoesNotMatchCard"),
            entry(AddressFailure.PHONE_NOT_TIED_TO_PERSON.code(), "verify.advice.phoneNotTiedToPerson"),
            entry(AddressFailure.NOT_A_US_NUMBER.code(), "verify.advice.notAUsNumber"),
            entry(AddressFailure.CODE_UNDELIVERABLE.code(), "verify.advice.codeUndeliverable"));

    private FailureAdvice() {
    }

    /** @param reasonCodes comma-separated, as the check recorded them; null or blank for none */
    static List<String> messageKeys(String reasonCodes) {
        if (reasonCodes == null || reasonCodes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(reasonCodes.split(",")).map(String::strip).map(MESSAGES::get).filter(Objects::nonNull)
                .distinct().toList();
    }

    static boolean hasAdviceFor(String reasonCode) {
        return MESSAGES.containsKey(reasonCode);
    }
}
