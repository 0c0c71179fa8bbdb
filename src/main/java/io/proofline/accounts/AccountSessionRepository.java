package io.proofline.accounts;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.persistence.Inserts;

interface AccountSessionRepository extends Repository<AccountSession, String>, Inserts<AccountSession> {

    Optional<AccountSession> findByTokenDigestAndExpiresAtAfter(String tokenDigest, Instant now);

    @Modifying
    @Transactional
    @Query("delete from AccountSession s where s.tokenDigest = :tokenDigest")
    void deleteByTokenDigest(String tokenDigest);

    /** The session has proven a second method: its level, and the methods as OpenID Connect names them. */
    @Modifying
    @Transactional
    @Query("update AccountSession s set s.assurance = :assurance, s.methods = :methods where s.tokenDigest = :tokenDigest")
    int upgrade(String tokenDigest, Assurance assurance, String methods);

    @Modifying
    @Transactional
    @Query("delete from AccountSession s where s.accountId = :account")
    void deleteByAccount(AccountId account);
}
