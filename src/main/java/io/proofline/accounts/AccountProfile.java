package io.proofline.accounts;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.proofline.accounts.ProfileRepository.SealedProfile;
import io.proofline.crypto.UserAccessKeys.StoredCredential;

/**
 * A profile as stored: everything sealed, nothing readable without the user's password or personal key.
 * {@code claimedSsnFingerprint} equals {@code ssnFingerprint} while the profile holds its identity; its unique
 * key keeps two accounts from holding the same SSN.
 */
@Entity
@Table(name = "account_profile")
class AccountProfile {

    @Id
    private UUID id;

    @Convert(converter = AccountIdAsUuid.class)
    private AccountId accountId;

    @Enumerated(EnumType.STRING)
    private ProfileStatus status;

    /** While {@code PASSWORD_RESET}: the status the personal key returns the profile to (null: ACTIVE). */
    @Enumerated(EnumType.STRING)
    private ProfileStatus statusBeforeReset;

    private String ssnFingerprint;

    private String claimedSsnFingerprint;

    private String piiCiphertext;

    private String recoveryCiphertext;

    private String recoverySalt;

    private String recoveryCost;

    private String recoveryWrappedKey;

    private String recoveryDigest;

    private Instant verifiedAt;

    private Instant updatedAt;

    /** The journey that sealed it; null for profiles activated before pending profiles existed. */
    private UUID journeyId;

    protected AccountProfile() {
        // for JPA
    }

    /** A new profile, active and holding its SSN. */
    AccountProfile(AccountId account, SealedProfile sealed, Instant now) {
        this(account, null, sealed, ProfileStatus.ACTIVE, now);
    }

    /** A new profile of a journey: ACTIVE (holding its SSN) or PENDING (holding none until it is activated). */
    AccountProfile(AccountId account, UUID journeyId, SealedProfile sealed, ProfileStatus status, Instant now) {
        if (status != ProfileStatus.ACTIVE && status != ProfileStatus.PENDING) {
            throw new IllegalArgumentException("A new profile is active or pending");
        }
        StoredCredential recovery = sealed.recovery();
        this.id = sealed.id();
        this.accountId = account;
        this.journeyId = journeyId;
        this.status = status;
        this.ssnFingerprint = sealed.ssnFingerprint();
        this.claimedSsnFingerprint = status.holdsSsn() ? sealed.ssnFingerprint() : null;
        this.piiCiphertext = sealed.piiCiphertext();
        this.recoveryCiphertext = sealed.recoveryCiphertext();
        this.recoverySalt = recovery.salt();
        this.recoveryCost = recovery.cost();
        this.recoveryWrappedKey = recovery.wrappedKey();
        this.recoveryDigest = recovery.digest();
        this.verifiedAt = now;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    AccountId account() {
        return accountId;
    }

    ProfileStatus status() {
        return status;
    }

    /** The status recovery with the personal key returns the profile to. */
    ProfileStatus statusAfterRecovery() {
        return statusBeforeReset == null ? ProfileStatus.ACTIVE : statusBeforeReset;
    }

    UUID journeyId() {
        return journeyId;
    }

    String ssnFingerprint() {
        return ssnFingerprint;
    }

    String piiCiphertext() {
        return piiCiphertext;
    }

    String recoveryCiphertext() {
        return recoveryCiphertext;
    }

    StoredCredential recovery() {
        return new StoredCredential(recoverySalt, recoveryCost, recoveryWrappedKey, recoveryDigest);
    }
}
