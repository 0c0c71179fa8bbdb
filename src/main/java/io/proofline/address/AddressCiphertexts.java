package io.proofline.address;

import org.springframework.stereotype.Component;

import io.proofline.crypto.AttributeEncryptor;
import io.proofline.crypto.SealedAttributes;
import io.proofline.journey.JourneyId;

/**
 * The address columns under the attribute key: {@code pending_letter.sealed_letter} and {@code .sealed_code},
 * {@code in_person_enrollment.sealed_code}.
 */
@Component
class AddressCiphertexts implements SealedAttributes {

    private final PendingLetterRepository letters;
    private final EnrollmentRepository enrollments;

    AddressCiphertexts(PendingLetterRepository letters, EnrollmentRepository enrollments) {
        this.letters = letters;
        this.enrollments = enrollments;
    }

    @Override
    public ReEncrypted reEncrypt(AttributeEncryptor encryptor) {
        var pending = letters.findAll();
        return SealedAttributes.column(encryptor, pending, PendingLetter::sealedLetter,
                letter -> LetterVerification.context(new JourneyId(letter.journeyId())),
                (letter, before, after) -> letters.replaceSealedLetter(letter.journeyId(), before, after) == 1)
                .plus(SealedAttributes.column(encryptor, pending, PendingLetter::sealedCode,
                        letter -> LetterVerification.codeContext(new JourneyId(letter.journeyId())),
                        (letter, before, after) -> letters.replaceSealedCode(letter.journeyId(), before, after) == 1))
                .plus(SealedAttributes.column(encryptor, enrollments.findAll(), SealedEnrollment::sealedCode,
                        enrollment -> InPersonProofing.context(new JourneyId(enrollment.journeyId())),
                        (enrollment, before, after) -> enrollments.replaceSealedCode(enrollment.journeyId(), before,
                                after) == 1));
    }
}
