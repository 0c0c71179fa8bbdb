package io.proofline.accounts;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.persistence.Inserts;

interface EmailLinkRepository extends Repository<EmailLink, String>, Inserts<EmailLink> {

    Optional<EmailLink> findByTokenDigest(String tokenDigest);

    /** Marks the link used, if it still works: of two requests following one link, one wins. */
    @Modifying
    @Transactional
    @Query("""
            update EmailLink l set l.usedAt = :now
            where l.tokenDigest = :tokenDigest and l.purpose = :purpose and l.usedAt is null and l.expiresAt > :now""")
    int use(String tokenDigest, EmailLink.Purpose purpose, Instant now);

    /** Links past their time hold a sealed address for nothing. */
    @Modifying
    @Transactional
    @Query("delete from EmailLink l where l.expiresAt < :before")
    int deleteExpiredBefore(Instant before);
}
