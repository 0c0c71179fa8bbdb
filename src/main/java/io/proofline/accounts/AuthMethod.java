package io.proofline.accounts;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One second method of an account, as stored: its label and secret sealed, never in plaintext. */
@Entity
@Table(name = "auth_method")
class AuthMethod {

    @Id
    private UUID id;

    private UUID accountId;

    @Enumerated(EnumType.STRING)
    private MethodKind kind;

    private String nameCiphertext;

    private String secretCiphertext;

    private Instant createdAt;

    private Instant confirmedAt;

    private Instant lastUsedAt;

    private Long lastUsedStep;

    protected AuthMethod() {
        // for JPA
    }

    AuthMethod(UUID id, AccountId account, MethodKind kind, String nameCiphertext, String secretCiphertext,
            Instant createdAt) {
        this.id = id;
        this.accountId = account.value();
        this.kind = kind;
        this.nameCiphertext = nameCiphertext;
        this.secretCiphertext = secretCiphertext;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    AccountId account() {
        return new AccountId(accountId);
    }

    MethodKind kind() {
        return kind;
    }

    String nameCiphertext() {
        return nameCiphertext;
    }

    String secretCiphertext() {
        return secretCiphertext;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant confirmedAt() {
        return confirmedAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    Long lastUsedStep() {
        return lastUsedStep;
    }

    boolean confirmed() {
        return confirmedAt != null;
    }

    /** The contexts the sealed values are bound to: a ciphertext moved to another row does not open. */
    String nameContext() {
        return "auth-method-name:" + id;
    }

    String secretContext() {
        return "auth-method-secret:" + id;
    }
}
