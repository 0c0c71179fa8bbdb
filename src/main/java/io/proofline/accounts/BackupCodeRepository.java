package io.proofline.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.persistence.Inserts;

interface BackupCodeRepository extends Repository<BackupCode, BackupCode.Key>, Inserts<BackupCode> {

    /** Uses the code if it is one of the method's and unused: of two requests with one code, one wins. */
    @Modifying
    @Transactional
    @Query("""
            update BackupCode c set c.usedAt = :now
            where c.key.methodId = :method and c.key.codeFingerprint in :fingerprints and c.usedAt is null""")
    int use(UUID method, List<String> fingerprints, Instant now);

    @Query("select count(c) from BackupCode c where c.key.methodId = :method and c.usedAt is null")
    long countUnused(UUID method);
}
