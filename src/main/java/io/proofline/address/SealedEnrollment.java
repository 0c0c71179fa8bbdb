package io.proofline.address;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A journey's USPS in-person enrollment as stored: its code sealed (it is what the person shows at the counter). */
@Entity
@Table(name = "in_person_enrollment")
class SealedEnrollment {

    @Id
    private UUID journeyId;

    private String uniqueId;

    private String sealedCode;

    private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    private EnrollmentStatus status;

    private Instant createdAt;

    protected SealedEnrollment() {
        // for JPA
    }

    /** A new enrollment, pending until the person has been to a Post Office. */
    SealedEnrollment(UUID journeyId, String uniqueId, String sealedCode, Instant expiresAt, Instant createdAt) {
        this.journeyId = journeyId;
        this.uniqueId = uniqueId;
        this.sealedCode = sealedCode;
        this.expiresAt = expiresAt;
        this.status = EnrollmentStatus.PENDING;
        this.createdAt = createdAt;
    }

    String uniqueId() {
        return uniqueId;
    }

    UUID journeyId() {
        return journeyId;
    }

    String sealedCode() {
        return sealedCode;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    EnrollmentStatus status() {
        return status;
    }
}
