package io.proofline.throttle;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.persistence.Inserts;

import jakarta.persistence.LockModeType;

interface ThrottleRepository extends Repository<ThrottleCounter, ThrottleCounter.Key>, Inserts<ThrottleCounter> {

    record Counter(int attempts, Instant windowStartedAt, Instant lockedUntil) {
    }

    /**
     * The count as it stands, read as a value: no entity is left in the transaction's persistence context, so a
     * {@link #findForUpdateByKey} later in the same transaction reads the row afresh instead of the copy read here.
     */
    Optional<Counter> findCounterByKey(ThrottleCounter.Key key);

    /** Locks the row for the rest of the transaction (select … for update), so concurrent failures on several nodes all count. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<ThrottleCounter> findForUpdateByKey(ThrottleCounter.Key key);

    @Modifying
    @Transactional
    @Query("delete from ThrottleCounter c where c.key = :key")
    void deleteByKey(ThrottleCounter.Key key);

    @Modifying
    @Transactional
    @Query("delete from ThrottleCounter c where c.key.subject = :subject or c.key.subject like :prefix")
    int deleteBySubjectOrPrefix(String subject, String prefix);
}
