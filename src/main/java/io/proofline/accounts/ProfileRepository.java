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

    /**
     * Profiles holding an identity (active, or awaiting recovery) whose SSN fingerprint is one of the candidates
     * (current and old keys). Pending, expired and failed profiles hold none, nor one awaiting recovery that was
     * pending before the reset.
     */
    default List<AccountProfile> findSsnHolders(List<String> candidates) {
        return findBySsnFingerprintInAndStatusIn(candidates, List.of(ProfileStatus.ACTIVE, ProfileStatus.PASSWORD_RESET))
                .stream().filter(profile -> profile.statusAfterRecovery().holdsSsn()).toList();
    }

    List<AccountProfile> findBySsnFingerprintInAndStatusIn(List<String> candidates, List<ProfileStatus> statuses);

    /** The fingerprint under the current key; the claim too, where the profile holds one. */
    @Modifying
    @Transactional
    @Query("""
            update AccountProfile p set p.ssnFingerprint = :fingerprint,
                p.claimedSsnFingerprint = case when p.claimedSsnFingerprint is null then null else :fingerprint end
            where p.id = :id""")
    void rewriteSsnFingerprint(UUID id, String fingerprint);

    /**
     * A pending (or expired) profile becomes active and claims its SSN. Fails with a
     * {@link org.springframework.dao.DuplicateKeyException} when another profile holds the SSN, also one that
     * claimed it a moment ago on another node (the unique key on {@code claimed_ssn_fingerprint}). Returns 0 when
     * the profile was not pending.
     */
    @Modifying
    @Query("""
            update AccountProfile p set p.status = ACTIVE, p.claimedSsnFingerprint = p.ssnFingerprint,
                p.verifiedAt = :now, p.updatedAt = :now
            where p.id = :id and p.status in (PENDING, EXPIRED)""")
    int activate(UUID id, Instant now);

    /** The journey's pending profile: its letter code expired. It holds nothing (a claim from before is released). */
    @Modifying
    @Transactional
    @Query("""
            update AccountProfile p set p.status = EXPIRED, p.claimedSsnFingerprint = null, p.updatedAt = :now
            where p.journeyId = :journey and p.status = PENDING""")
    int expirePending(UUID journey, Instant now);

    /** A letter with a new code went out: the expired profile awaits it. */
    @Modifying
    @Transactional
    @Query("""
            update AccountProfile p set p.status = PENDING, p.updatedAt = :now
            where p.journeyId = :journey and p.status = EXPIRED""")
    int renewExpired(UUID journey, Instant now);

    /** The journey's profile was never verified: failed, holding nothing. */
    @Modifying
    @Transactional
    @Query("""
            update AccountProfile p set p.status = FAILED, p.claimedSsnFingerprint = null, p.updatedAt = :now
            where p.journeyId = :journey and p.status in (PENDING, EXPIRED)""")
    int failPending(UUID journey, Instant now);

    @Modifying
    @Transactional
    @Query("""
            update AccountProfile p set p.status = FAILED, p.claimedSsnFingerprint = null, p.updatedAt = :now
            where p.id = :id and p.status in (PENDING, EXPIRED)""")
    int fail(UUID id, Instant now);

    @Modifying
    @Transactional
    @Query("""
            update AccountProfile p set p.status = SUPERSEDED, p.claimedSsnFingerprint = null, p.updatedAt = :now
            where p.accountId = :account and p.status <> SUPERSEDED""")
    void supersedeAll(AccountId account, Instant now);

    /** After recovery: same profile (same verification), PII sealed under the new password and a new personal key. */
    default void reseal(SealedProfile sealed, ProfileStatus status, Instant now) {
        StoredCredential recovery = sealed.recovery();
        reseal(sealed.id(), status, sealed.piiCiphertext(), sealed.recoveryCiphertext(), recovery.salt(),
                recovery.cost(), recovery.wrappedKey(), recovery.digest(), now);
    }

    @Modifying
    @Transactional
    @Query("""
            update AccountProfile p set p.status = :status, p.statusBeforeReset = null,
                p.piiCiphertext = :piiCiphertext,
                p.recoveryCiphertext = :recoveryCiphertext, p.recoverySalt = :salt, p.recoveryCost = :cost,
                p.recoveryWrappedKey = :wrappedKey, p.recoveryDigest = :digest, p.updatedAt = :now
            where p.id = :id""")
    void reseal(UUID id, ProfileStatus status, String piiCiphertext, String recoveryCiphertext, String salt,
            String cost, String wrappedKey, String digest, Instant now);

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
            update AccountProfile p set p.statusBeforeReset = p.status, p.status = PASSWORD_RESET, p.updatedAt = :now
            where p.accountId = :account and p.status in (ACTIVE, PENDING, EXPIRED)""")
    void markPasswordReset(AccountId account, Instant now);

    /** A profile awaiting its personal key that will never get it: deactivated, and its SSN let go. */
    @Modifying
    @Transactional
    @Query("""
            update AccountProfile p set p.status = DEACTIVATED, p.claimedSsnFingerprint = null, p.updatedAt = :now
            where p.accountId = :account and p.status = PASSWORD_RESET""")
    int deactivateAwaitingRecovery(AccountId account, Instant now);
}
