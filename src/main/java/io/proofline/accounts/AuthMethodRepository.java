package io.proofline.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.persistence.Inserts;

interface AuthMethodRepository extends Repository<AuthMethod, UUID>, Inserts<AuthMethod> {

    Optional<AuthMethod> findById(UUID id);

    @Query("select m from AuthMethod m where m.accountId = :account and m.confirmedAt is not null order by m.createdAt")
    List<AuthMethod> findConfirmed(UUID account);

    @Query("select count(m) from AuthMethod m where m.accountId = :account and m.confirmedAt is not null")
    long countConfirmed(UUID account);

    @Modifying
    @Transactional
    @Query("update AuthMethod m set m.confirmedAt = :now where m.id = :id and m.confirmedAt is null")
    int confirm(UUID id, Instant now);

    /**
     * An app's code of {@code step} (its 30-second period) was used: only if no code of that period or a later one was,
     * so that a code seen over someone's shoulder cannot be used again.
     */
    @Modifying
    @Transactional
    @Query("""
            update AuthMethod m set m.lastUsedStep = :step, m.lastUsedAt = :now
            where m.id = :id and (m.lastUsedStep is null or m.lastUsedStep < :step)""")
    int useStep(UUID id, long step, Instant now);

    @Modifying
    @Transactional
    @Query("update AuthMethod m set m.lastUsedAt = :now where m.id = :id")
    void used(UUID id, Instant now);

    @Modifying
    @Transactional
    @Query("update AuthMethod m set m.nameCiphertext = :nameCiphertext where m.id = :id")
    void rename(UUID id, String nameCiphertext);

    @Modifying
    @Transactional
    @Query("delete from AuthMethod m where m.id = :id")
    void delete(UUID id);

    /** Methods begun and never confirmed (an app whose first code never came) hold a sealed secret for nothing. */
    @Modifying
    @Transactional
    @Query("delete from AuthMethod m where m.accountId = :account and m.confirmedAt is null and m.createdAt < :before")
    void deleteUnconfirmedBefore(UUID account, Instant before);
}
