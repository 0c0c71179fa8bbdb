package io.proofline.address;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.persistence.Inserts;

interface PendingLetterRepository extends Repository<PendingLetter, UUID>, Inserts<PendingLetter> {

    Optional<PendingLetter> findById(UUID journeyId);

    List<PendingLetter> findAll();

    /** Compare-and-set: only while the row still holds the ciphertext that was re-encrypted. */
    @Modifying
    @Transactional
    @Query("update PendingLetter l set l.sealedLetter = :after where l.journeyId = :journeyId and l.sealedLetter = :before")
    int replaceSealedLetter(UUID journeyId, String before, String after);

    @Modifying
    @Transactional
    @Query("update PendingLetter l set l.sealedCode = :after where l.journeyId = :journeyId and l.sealedCode = :before")
    int replaceSealedCode(UUID journeyId, String before, String after);

    @Modifying
    @Transactional
    @Query("delete from PendingLetter l where l.journeyId = :journeyId")
    void deleteByJourneyId(UUID journeyId);
}
