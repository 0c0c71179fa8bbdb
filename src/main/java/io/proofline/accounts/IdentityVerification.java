package io.proofline.accounts;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account verified at IAL2: by which journey, by which pathway, since when. */
@Entity
@Table(name = "identity_verification")
class IdentityVerification {

    /** The account id's text, as other modules' tables keep it. */
    @Id
    private String accountId;

    private UUID journeyId;

    private String pathway;

    private Instant verifiedAt;

    protected IdentityVerification() {
        // for JPA
    }

    IdentityVerification(String accountId, UUID journeyId, String pathway, Instant verifiedAt) {
        this.accountId = accountId;
        this.journeyId = journeyId;
        this.pathway = pathway;
        this.verifiedAt = verifiedAt;
    }

    Instant verifiedAt() {
        return verifiedAt;
    }

    String pathway() {
        return pathway;
    }
}
