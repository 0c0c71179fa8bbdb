package io.proofline.proofing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.AccountIdAsText;
import io.proofline.journey.JourneyId;

/**
 * A journey as our own table keeps it. {@code activeAccountId} equals {@code accountId} while the journey runs
 * and is cleared when it ends; its unique key is what allows one active journey per account, whichever node
 * starts the second.
 */
@Entity
@Table(name = "proofing_journey")
class ProofingJourney {

    /** Also the process instance's business key. */
    @Id
    private UUID id;

    @Convert(converter = AccountIdAsText.class)
    private AccountId accountId;

    @Convert(converter = AccountIdAsText.class)
    private AccountId activeAccountId;

    private String processInstanceId;

    private Instant startedAt;

    private Instant endedAt;

    protected ProofingJourney() {
        // for JPA
    }

    /** A journey that starts now, active until it ends. */
    ProofingJourney(JourneyId id, AccountId accountId, Instant startedAt) {
        this.id = id.value();
        this.accountId = accountId;
        this.activeAccountId = accountId;
        this.startedAt = startedAt;
    }

    Journey journey() {
        return new Journey(new JourneyId(id), accountId, processInstanceId, startedAt);
    }
}
