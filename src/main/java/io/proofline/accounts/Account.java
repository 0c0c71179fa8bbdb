package io.proofline.accounts;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.proofline.crypto.UserAccessKeys.StoredCredential;

/** An account as stored: the email sealed and fingerprinted, the password only as its credential. */
@Entity
@Table(name = "account")
class Account {

    @Id
    private UUID id;

    private String emailCiphertext;

    private String emailFingerprint;

    private String passwordSalt;

    private String passwordCost;

    private String passwordWrappedKey;

    private String passwordDigest;

    private Instant passwordChangedAt;

    private Instant createdAt;

    protected Account() {
        // for JPA
    }

    Account(AccountId id, String emailCiphertext, String emailFingerprint, StoredCredential password, Instant now) {
        this.id = id.value();
        this.emailCiphertext = emailCiphertext;
        this.emailFingerprint = emailFingerprint;
        this.passwordSalt = password.salt();
        this.passwordCost = password.cost();
        this.passwordWrappedKey = password.wrappedKey();
        this.passwordDigest = password.digest();
        this.passwordChangedAt = now;
        this.createdAt = now;
    }

    AccountId id() {
        return new AccountId(id);
    }

    String emailCiphertext() {
        return emailCiphertext;
    }

    String emailFingerprint() {
        return emailFingerprint;
    }

    StoredCredential password() {
        return new StoredCredential(passwordSalt, passwordCost, passwordWrappedKey, passwordDigest);
    }
}
