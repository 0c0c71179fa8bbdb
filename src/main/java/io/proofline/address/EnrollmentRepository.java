package io.proofline.address;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.persistence.Inserts;

interface EnrollmentRepository extends Repository<SealedEnrollment, UUID>, Inserts<SealedEnrollment> {

    Optional<SealedEnrollment> findById(UUID journeyId);

    @Modifying
    @Transactional
    @Query("update SealedEnrollment e set e.status = :status where e.journeyId = :journeyId")
    void updateStatus(UUID journeyId, EnrollmentStatus status);
}
