package io.proofline.accounts;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A link sent by email, kept as the SHA-256 of its token; a sign-up's address sealed and fingerprinted. */
@Entity
@Table(name = "email_link")
class EmailLink {

    enum Purpose {
        /** Confirms the address of a new account; the password is chosen once it is followed. */
        SIGN_UP,
        /** Sets a new password for the account (a forgotten one). */
        RESET
    }

    @Id
    private String tokenDigest;

    @Enumerated(EnumType.STRING)
    private Purpose purpose;

    private UUID accountId;

    private String emailCiphertext;

    private String emailFingerprint;

    private Instant createdAt;

    private Instant expiresAt;

    private Instant usedAt;

    protected EmailLink() {
        // for JPA
    }

    EmailLink(String tokenDigest, Purpose purpose, AccountId account, String emailCiphertext, String emailFingerprint,
            Instant createdAt, Instant expiresAt) {
        this.tokenDigest = tokenDigest;
        this.purpose = purpose;
        this.accountId = account == null ? null : account.value();
        this.emailCiphertext = emailCiphertext;
        this.emailFingerprint = emailFingerprint;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String tokenDigest() {
        return tokenDigest;
    }

    Purpose purpose() {
        return purpose;
    }

    AccountId account() {
        return accountId == null ? null : new AccountId(accountId);
    }

    String emailCiphertext() {
        return emailCiphertext;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** The sealed address's context: a ciphertext moved to another row does not open. */
    static String emailContext(String tokenDigest) {
        return "email-link:" + tokenDigest;
    }
}
