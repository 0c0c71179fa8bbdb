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

    @Modifying
    @Transactional
    @Query("delete from AccountSession s where s.accountId = :account")
    void deleteByAccount(AccountId account);
}
