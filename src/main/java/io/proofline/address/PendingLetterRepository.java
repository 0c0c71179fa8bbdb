package io.proofline.address;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.persistence.Inserts;

interface PendingLetterRepository extends Repository<PendingLetter, UUID>, Inserts<PendingLetter> {

    Optional<PendingLetter> findById(UUID journeyId);

    @Modifying
    @Transactional
    @Query("delete from PendingLetter l where l.journeyId = :journeyId")
    void deleteByJourneyId(UUID journeyId);
}
