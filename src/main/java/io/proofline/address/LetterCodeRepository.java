package io.proofline.address;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.persistence.Inserts;

interface LetterCodeRepository extends Repository<LetterCode, String>, Inserts<LetterCode> {

    /** Whether one of the candidates (the typed code's fingerprints, current and old keys) was sent and works still. */
    boolean existsByJourneyIdAndCodeFingerprintInAndExpiresAtAfter(UUID journeyId, List<String> candidates,
            Instant now);

    Optional<LetterCode> findFirstByJourneyIdOrderByExpiresAtDesc(UUID journeyId);

    @Modifying
    @Transactional
    @Query("delete from LetterCode c where c.codeFingerprint = :codeFingerprint")
    void deleteByCodeFingerprint(String codeFingerprint);
}
