package io.proofline.address;

import org.springframework.stereotype.Component;

import io.proofline.crypto.AttributeEncryptor;
import io.proofline.crypto.SealedAttributes;
import io.proofline.journey.JourneyId;

/**
 * The address columns under the attribute key: {@code in_person_enrollment.sealed_code}, while the enrollment is
 * pending (the letter's name, address and code are no longer in our tables).
 */
@Component
class AddressCiphertexts implements SealedAttributes {

    private final EnrollmentRepository enrollments;

    AddressCiphertexts(EnrollmentRepository enrollments) {
        this.enrollments = enrollments;
    }

    @Override
    public ReEncrypted reEncrypt(AttributeEncryptor encryptor) {
        return SealedAttributes.column(encryptor,
                enrollments.findAll().stream().filter(enrollment -> enrollment.sealedCode() != null).toList(),
                SealedEnrollment::sealedCode, enrollment -> InPersonProofing.context(new JourneyId(enrollment.journeyId())),
                (enrollment, before, after) -> enrollments.replaceSealedCode(enrollment.journeyId(), before, after) == 1);
    }
}
