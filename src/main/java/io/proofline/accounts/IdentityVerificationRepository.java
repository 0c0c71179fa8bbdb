package io.proofline.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.persistence.Inserts;

interface IdentityVerificationRepository
        extends Repository<IdentityVerification, String>, Inserts<IdentityVerification> {

    /**
     * A value, not the entity: {@link IdentityVerifications#markVerified}'s delete and insert later in the same
     * transaction find no copy of the row left behind.
     */
    Optional<IdentityVerification> findByAccountId(String accountId);

    @Query("select v.verifiedAt from IdentityVerification v where v.accountId = :accountId")
    Optional<Instant> findVerifiedAt(String accountId);

    boolean existsByAccountIdAndJourneyId(String accountId, UUID journeyId);

    @Modifying
    @Transactional
    @Query("delete from IdentityVerification v where v.accountId = :accountId")
    void deleteByAccountId(String accountId);
}
