package io.proofline.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.crypto.UserAccessKeys.StoredCredential;
import io.proofline.persistence.Inserts;

interface ProfileRepository extends Repository<AccountProfile, UUID>, Inserts<AccountProfile> {

    /** What {@link Profiles} seals for a profile: the PII twice, and the personal key's credential. */
    record SealedProfile(UUID id, String ssnFingerprint, String piiCiphertext, String recoveryCiphertext,
            StoredCredential recovery) {
    }

    /** The account's profile that is not superseded, if any. */
    default Optional<AccountProfile> findCurrent(AccountId account) {
        return findByAccountIdAndStatusNot(account, ProfileStatus.SUPERSEDED);
    }

    Optional<AccountProfile> findByAccountIdAndStatusNot(AccountId account, ProfileStatus status);

    /** Profiles holding an identity whose SSN fingerprint is one of the candidates (current and old keys). */
    default List<AccountProfile> findSsnHolders(List<String> candidates) {
        return findBySsnFingerprintInAndStatusNot(candidates, ProfileStatus.SUPERSEDED);
    }

    List<AccountProfile> findBySsnFingerprintInAndStatusNot(List<String> candidates, ProfileStatus status);

    @Modifying
    @Transactional
    @Query("""
            update AccountProfile p set p.ssnFingerprint = :fingerprint, p.claimedSsnFingerprint = :fingerprint
            where p.id = :id""")
    void rewriteSsnFingerprint(UUID id, String fingerprint);

    @Modifying
    @Transactional
    @Query("""
            update AccountProfile p set p.status = SUPERSEDED, p.claimedSsnFingerprint = null, p.updatedAt = :now
            where p.accountId = :account and p.status <> SUPERSEDED""")
    void supersedeAll(AccountId account, Instant now);

    /** After recovery: same profile (same verification), PII sealed under the new password and a new personal key. */
    default void reseal(SealedProfile sealed, Instant now) {
        StoredCredential recovery = sealed.recovery();
        reseal(sealed.id(), sealed.piiCiphertext(), sealed.recoveryCiphertext(), recovery.salt(), recovery.cost(),
                recovery.wrappedKey(), recovery.digest(), now);
    }

    @Modifying
    @Transactional
    @Query("""
            update AccountProfile p set p.status = ACTIVE, p.piiCiphertext = :piiCiphertext,
                p.recoveryCiphertext = :recoveryCiphertext, p.recoverySalt = :salt, p.recoveryCost = :cost,
                p.recoveryWrappedKey = :wrappedKey, p.recoveryDigest = :digest, p.updatedAt = :now
            where p.id = :id""")
    void reseal(UUID id, String piiCiphertext, String recoveryCiphertext, String salt, String cost, String wrappedKey,
            String digest, Instant now);

    /** A new personal key: only the personal key's copy and its credential change. */
    default void replaceRecovery(UUID id, String recoveryCiphertext, StoredCredential recovery, Instant now) {
        replaceRecovery(id, recoveryCiphertext, recovery.salt(), recovery.cost(), recovery.wrappedKey(),
                recovery.digest(), now);
    }

    @Modifying
    @Transactional
    @Query("""
            update AccountProfile p set p.recoveryCiphertext = :recoveryCiphertext, p.recoverySalt = :salt,
                p.recoveryCost = :cost, p.recoveryWrappedKey = :wrappedKey, p.recoveryDigest = :digest,
                p.updatedAt = :now
            where p.id = :id""")
    void replaceRecovery(UUID id, String recoveryCiphertext, String salt, String cost, String wrappedKey,
            String digest, Instant now);

    /** Compare-and-set: the PII sealed again under a new key of the same password (a credential upgrade). */
    @Modifying
    @Transactional
    @Query("update AccountProfile p set p.piiCiphertext = :after where p.id = :id and p.piiCiphertext = :before")
    int replacePiiCiphertext(UUID id, String before, String after);

    @Modifying
    @Transactional
    @Query("""
            update AccountProfile p set p.status = PASSWORD_RESET, p.updatedAt = :now
            where p.accountId = :account and p.status = ACTIVE""")
    void markPasswordReset(AccountId account, Instant now);
}
