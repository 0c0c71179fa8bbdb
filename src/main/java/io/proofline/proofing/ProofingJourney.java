package io.proofline.proofing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    private String accountId;

    private String activeAccountId;

    private String processInstanceId;

    private Instant startedAt;

    private Instant endedAt;

    protected ProofingJourney() {
        // for JPA
    }

    /** A journey that starts now, active until it ends. */
    ProofingJourney(JourneyId id, String accountId, Instant startedAt) {
        this.id = id.value();
        this.accountId = accountId;
        this.activeAccountId = accountId;
        this.startedAt = startedAt;
    }

    Journey journey() {
        return new Journey(new JourneyId(id), accountId, processInstanceId, startedAt);
    }
}
