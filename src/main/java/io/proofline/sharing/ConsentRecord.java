package io.proofline.sharing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.AccountIdAsText;

/** A person's explicit consent to share named attributes with a partner agency. */
@Entity
@Table(name = "consent_record")
class ConsentRecord {

    @Id
    private UUID id;

    @Convert(converter = AccountIdAsText.class)
    private AccountId accountId;

    private UUID journeyId;

    private String agency;

    /** Comma-separated. */
    private String attributes;

    private Instant consentedAt;

    protected ConsentRecord() {
        // for JPA
    }

    ConsentRecord(AccountId accountId, UUID journeyId, String agency, String attributes, Instant consentedAt) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.journeyId = journeyId;
        this.agency = agency;
        this.attributes = attributes;
        this.consentedAt = consentedAt;
    }
}
