package io.proofline.address;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The name and address a journey's letter goes to, sealed, until the journey ends; and the code of the latest
 * send, sealed too, so that a retried send prints the same code.
 */
@Entity
@Table(name = "pending_letter")
class PendingLetter {

    @Id
    private UUID journeyId;

    private String sealedLetter;

    private String sealedCode;

    private Instant createdAt;

    protected PendingLetter() {
        // for JPA
    }

    PendingLetter(UUID journeyId, String sealedLetter, Instant createdAt) {
        this.journeyId = journeyId;
        this.sealedLetter = sealedLetter;
        this.createdAt = createdAt;
    }

    String sealedLetter() {
        return sealedLetter;
    }

    /** Null before the first send. */
    UUID journeyId() {
        return journeyId;
    }

    String sealedCode() {
        return sealedCode;
    }

    void replaceSealedCode(String sealedCode) {
        this.sealedCode = sealedCode;
    }
}
