package io.proofline.address;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A code sent by mail, kept only as its HMAC fingerprint, valid until its own expiry. */
@Entity
@Table(name = "letter_code")
class LetterCode {

    @Id
    private String codeFingerprint;

    private UUID journeyId;

    private Instant sentAt;

    private Instant expiresAt;

    protected LetterCode() {
        // for JPA
    }

    LetterCode(String codeFingerprint, UUID journeyId, Instant sentAt, Instant expiresAt) {
        this.codeFingerprint = codeFingerprint;
        this.journeyId = journeyId;
        this.sentAt = sentAt;
        this.expiresAt = expiresAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
