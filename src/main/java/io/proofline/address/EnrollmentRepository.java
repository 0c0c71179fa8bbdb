package io.proofline.address;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.persistence.Inserts;

interface EnrollmentRepository extends Repository<SealedEnrollment, UUID>, Inserts<SealedEnrollment> {

    Optional<SealedEnrollment> findById(UUID journeyId);

    List<SealedEnrollment> findAll();

    /** Compare-and-set: only while the row still holds the ciphertext that was re-encrypted. */
    @Modifying
    @Transactional
    @Query("update SealedEnrollment e set e.sealedCode = :after where e.journeyId = :journeyId and e.sealedCode = :before")
    int replaceSealedCode(UUID journeyId, String before, String after);

    @Modifying
    @Transactional
    @Query("update SealedEnrollment e set e.status = :status where e.journeyId = :journeyId")
    void updateStatus(UUID journeyId, EnrollmentStatus status);

    /** The enrollment is over (passed, failed, expired, or its journey ended): its code is needed no more. */
    @Modifying
    @Transactional
    @Query("update SealedEnrollment e set e.sealedCode = null where e.journeyId = :journeyId")
    void eraseCode(UUID journeyId);
}
