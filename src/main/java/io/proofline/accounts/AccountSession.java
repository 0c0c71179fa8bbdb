package io.proofline.accounts;

import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A signed-in session, kept as the SHA-256 of its token: a database reader cannot use it. */
@Entity
@Table(name = "account_session")
class AccountSession {

    @Id
    private String tokenDigest;

    @Convert(converter = AccountIdAsUuid.class)
    private AccountId accountId;

    private Instant createdAt;

    private Instant expiresAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Assurance assurance;

    private String methods;

    protected AccountSession() {
        // for JPA
    }

    AccountSession(String tokenDigest, AccountId accountId, Instant createdAt, Instant expiresAt) {
        this.tokenDigest = tokenDigest;
        this.accountId = accountId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.assurance = Assurance.AAL1;
        this.methods = "pwd";
    }

    AccountId accountId() {
        return accountId;
    }

    SignedInSession signedIn() {
        return new SignedInSession(accountId, assurance, java.util.List.of(methods.split(",")));
    }
}
