package io.proofline.proofing;

import java.time.Instant;

import io.proofline.accounts.AccountId;
import io.proofline.journey.JourneyId;

/** A proofing journey as our own table records it: who it belongs to and which process instance runs it. */
public record Journey(JourneyId id, AccountId accountId, String processInstanceId, Instant startedAt) {
}
