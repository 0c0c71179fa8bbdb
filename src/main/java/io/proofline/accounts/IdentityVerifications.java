package io.proofline.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.journey.JourneyId;

/**
 * Which accounts are verified at IAL2, since when, and by which pathway (state ID, PIV/CAC, in person;
 * NIST 800-63A rev 4 asks that the pathway be recorded and disclosed to relying parties).
 */
@Service
public class IdentityVerifications {

    private final IdentityVerificationRepository repository;
    private final Clock clock;
    private final AccountHistory history;

    IdentityVerifications(IdentityVerificationRepository repository, Clock clock, AccountHistory history) {
        this.history = history;
        this.repository = repository;
        this.clock = clock;
    }

    /** Records the verification; a repeat for the same journey (a retried step) changes nothing. */
    @Transactional
    public void markVerified(AccountId account, JourneyId journey, String pathway) {
        String accountId = account.toString();
        if (repository.existsByAccountIdAndJourneyId(accountId, journey.value())) {
            return;
        }
        repository.deleteByAccountId(accountId);
        repository.insert(new IdentityVerification(accountId, journey.value(), pathway, clock.instant()));
        history.record(account, AccountHistory.Kind.verified(pathway));
    }

    /** The account is no longer verified (its profile can never be opened again). */
    void revoke(AccountId account) {
        repository.deleteByAccountId(account.toString());
    }

    /** When and by which pathway the account was verified, for its owner's account page. */
    public record Verified(Instant at, String pathway) {
    }

    public Optional<Verified> of(AccountId account) {
        return repository.findByAccountId(account.toString()).map(v -> new Verified(v.verifiedAt(), v.pathway()));
    }

    public Optional<Instant> verifiedAt(AccountId account) {
        return repository.findVerifiedAt(account.toString());
    }
}
