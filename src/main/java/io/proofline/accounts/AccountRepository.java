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

interface AccountRepository extends Repository<Account, UUID>, Inserts<Account> {

    /** The account whose email fingerprint is one of the candidates (current and old keys). */
    Optional<Account> findByEmailFingerprintIn(List<String> candidates);

    Optional<Account> findById(UUID id);

    List<Account> findAll();

    /** Compare-and-set: only while the row still holds the ciphertext that was re-encrypted. */
    @Modifying
    @Transactional
    @Query("update Account a set a.emailCiphertext = :after where a.id = :id and a.emailCiphertext = :before")
    int replaceEmailCiphertext(UUID id, String before, String after);

    default Optional<Account> find(AccountId id) {
        return findById(id.value());
    }

    @Modifying
    @Transactional
    @Query("update Account a set a.emailFingerprint = :fingerprint where a.id = :id")
    void updateEmailFingerprint(UUID id, String fingerprint);

    /**
     * The same password under a credential of the current version (password_changed_at stays: the password did
     * not change); only while the row still holds the credential that was upgraded.
     */
    default boolean upgradePassword(UUID id, String previousDigest, StoredCredential password) {
        return 1 == upgradePassword(id, previousDigest, password.salt(), password.cost(), password.wrappedKey(), password.digest());
    }

    @Modifying
    @Transactional
    @Query("""
            update Account a set a.passwordSalt = :salt, a.passwordCost = :cost, a.passwordWrappedKey = :wrappedKey,
                a.passwordDigest = :digest
            where a.id = :id and a.passwordDigest = :previousDigest""")
    int upgradePassword(UUID id, String previousDigest, String salt, String cost, String wrappedKey, String digest);

    default void updatePassword(AccountId id, StoredCredential password, Instant now) {
        updatePassword(id.value(), password.salt(), password.cost(), password.wrappedKey(), password.digest(), now);
    }

    @Modifying
    @Transactional
    @Query("""
            update Account a set a.passwordSalt = :salt, a.passwordCost = :cost, a.passwordWrappedKey = :wrappedKey,
                a.passwordDigest = :digest, a.passwordChangedAt = :changedAt
            where a.id = :id""")
    void updatePassword(UUID id, String salt, String cost, String wrappedKey, String digest, Instant changedAt);
}
