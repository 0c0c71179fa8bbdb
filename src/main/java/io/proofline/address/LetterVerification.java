package io.proofline.address;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.AccountsException;
import io.proofline.accounts.Profiles;
import io.proofline.crypto.Fingerprints;
import io.proofline.journey.JourneyEnded;
import io.proofline.journey.JourneyId;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;
import io.proofline.vendors.CheckOutcome;
import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.PostalAddress;
import io.proofline.vendors.VendorResult;

/**
 * Seed 004 step 9.b: a letter with a unique code to the address from the ID, valid for 30 days
 * ({@code proofline.policy.letter-code-validity}); the person signs in later and types it.
 * <p>
 * Nothing of the letter stays in our tables but its code's fingerprint. The name and address live in the pending
 * profile, under the person's password; the send gets them from a short-lived hand-off in the vault (session key,
 * {@code proofline.vault.ttl}) written by the step that has them in the clear: the confirmed address (before the
 * password seals the profile), or a new letter's request, where the person types the password that opens the
 * pending profile. The send deletes the hand-off once USPS has the letter. The code is derived from the send's
 * idempotency key under the fingerprint key, so a retried send prints the same code without it being stored.
 */
@Service
public class LetterVerification {

    private static final int CODE_LENGTH = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Usps usps;
    private final PiiVault vault;
    private final Fingerprints fingerprints;
    private final LetterCodeRepository letterCodes;
    private final Profiles profiles;
    private final AddressPolicy policy;
    private final Clock clock;

    LetterVerification(Usps usps, PiiVault vault, Fingerprints fingerprints, LetterCodeRepository letterCodes,
            Profiles profiles, AddressPolicy policy, Clock clock) {
        this.usps = usps;
        this.vault = vault;
        this.fingerprints = fingerprints;
        this.letterCodes = letterCodes;
        this.profiles = profiles;
        this.policy = policy;
        this.clock = clock;
    }

    /** Hands the confirmed name and address to the letter's send (the vault's hand-off, not our tables). */
    public void prepare(JourneyId journey) {
        ProofingPii pii = vault.find(journey).orElseThrow(() -> new IllegalStateException("No address for journey " + journey));
        handOff(journey, pii);
    }

    /**
     * A new letter after an expired code, from the signed-in person whose password opens the journey's pending
     * profile: its name and address are handed to the letter's send.
     *
     * @throws AccountsException.WrongPassword, AccountsException.Locked, AccountsException.NoProfile
     */
    public void requestNewLetter(AccountId account, JourneyId journey, String password) {
        handOff(journey, profiles.decryptPending(account, journey, password));
        profiles.renewPending(journey);
    }

    private void handOff(JourneyId journey, ProofingPii pii) {
        LetterAddress letter = new LetterAddress(pii.firstName(), pii.lastName(), pii.street(), pii.city(), pii.state(),
                pii.zip());
        vault.attach(journey, PiiVault.Attachment.LETTER, letter.toJson().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a letter with a new code (the same code again when this send is a retry under the same key).
     * Returns when the code expires, or empty when USPS did not accept the letter.
     */
    @Transactional
    public LetterSent send(JourneyId journey, IdempotencyKey key) {
        LetterAddress letter = vault.attachment(journey, PiiVault.Attachment.LETTER)
                .map(bytes -> LetterAddress.fromJson(new String(bytes, StandardCharsets.UTF_8)))
                .orElseThrow(() -> new IllegalStateException("No letter address handed off for journey " + journey
                        + " (the hand-off outlived proofline.vault.ttl): the person may request a new letter"));
        String code = fingerprints.derivedCode("letter", journey + "|" + key.value(), CODE_LENGTH);
        VendorResult<LetterReceipt> result = usps.sendLetter(new LetterRequest(letter.firstName(), letter.lastName(),
                new PostalAddress(letter.street(), null, letter.city(), letter.state(), letter.zip()), code), key);
        if (!(result instanceof VendorResult.Passed<LetterReceipt>)) {
            return new LetterSent(CheckOutcome.of(result), null);
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(policy.letterCodeValidity());
        String fingerprint = fingerprints.code("letter", code).current();
        letterCodes.deleteByCodeFingerprint(fingerprint);
        letterCodes.insert(new LetterCode(fingerprint, journey.value(), now, expiresAt));
        forgetTheAddressOnceCommitted(journey);
        return new LetterSent(CheckOutcome.pass(), expiresAt);
    }

    /** Not before the code's fingerprint is committed: a retry of a send whose commit failed still finds the address. */
    private void forgetTheAddressOnceCommitted(JourneyId journey) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            vault.detach(journey, PiiVault.Attachment.LETTER);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                vault.detach(journey, PiiVault.Attachment.LETTER);
            }
        });
    }

    /** Whether the typed code is one this journey was sent and has not expired (earlier letters' codes stay valid). */
    public boolean verify(JourneyId journey, String typed) {
        return letterCodes.existsByJourneyIdAndCodeFingerprintInAndExpiresAtAfter(journey.value(),
                fingerprints.code("letter", typed).candidates(), clock.instant());
    }

    /** When the code of the latest letter sent for this journey stops (or stopped) working; empty before any letter. */
    public Optional<Instant> latestCodeExpiry(JourneyId journey) {
        return letterCodes.findFirstByJourneyIdOrderByExpiresAtDesc(journey.value()).map(LetterCode::expiresAt);
    }

    /** How long a letter's code works after the letter is sent ({@code proofline.policy.letter-code-validity}). */
    public Duration codeValidity() {
        return policy.letterCodeValidity();
    }

    /** The journey is over: a letter's name and address not yet sent are no longer needed. */
    @EventListener
    void forget(JourneyEnded ended) {
        vault.detach(ended.journey(), PiiVault.Attachment.LETTER);
    }

    public record LetterSent(CheckOutcome outcome, Instant codeExpiresAt) {
    }

    private record LetterAddress(String firstName, String lastName, String street, String city, String state, String zip) {
        String toJson() {
            try {
                return JSON.writeValueAsString(this);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write the letter address");
            }
        }

        static LetterAddress fromJson(String json) {
            try {
                return JSON.readValue(json, LetterAddress.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot read the letter address");
            }
        }

        @Override
        public String toString() {
            return "LetterAddress[redacted]";
        }
    }
}
