package io.proofline.proofing;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.accounts.AccountId;
import io.proofline.persistence.Inserts;

/** Inserting a second active journey for an account fails at the database, with a DuplicateKeyException. */
interface JourneyRepository extends Repository<ProofingJourney, UUID>, Inserts<ProofingJourney> {

    /** The account's most recent journey, running or ended. */
    Optional<ProofingJourney> findFirstByAccountIdOrderByStartedAtDesc(AccountId account);

    Optional<ProofingJourney> findByActiveAccountId(AccountId account);

    Optional<ProofingJourney> findById(UUID id);

    /** Every journey of the account, running or ended. */
    java.util.List<ProofingJourney> findByAccountId(AccountId account);

    @Modifying
    @Transactional
    @Query("delete from ProofingJourney j where j.accountId = :account")
    void deleteByAccountId(AccountId account);

    /** The journey read next in the same transaction is read afresh, with its process instance. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Transactional
    @Query("update ProofingJourney j set j.processInstanceId = :processInstanceId where j.id = :id")
    void attachProcessInstance(UUID id, String processInstanceId);

    /** Only the first end counts (the engine's end listener, and an abandon that cancels the process, both end it). */
    @Modifying
    @Transactional
    @Query("""
            update ProofingJourney j set j.endedAt = :endedAt, j.activeAccountId = null
            where j.id = :id and j.endedAt is null""")
    void markEnded(UUID id, Instant endedAt);
}
