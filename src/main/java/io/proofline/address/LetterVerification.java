package io.proofline.address;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.proofline.crypto.AttributeEncryptor;
import io.proofline.crypto.Fingerprints;
import io.proofline.crypto.PersonalKeys;
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
 * ({@code proofline.policy.letter-code-validity}); the person signs in later and types it. Only the code's
 * fingerprint is kept; the letter's name and address stay sealed until the journey ends, so that a new
 * letter can follow an expired code.
 */
@Service
public class LetterVerification {

    private static final int CODE_LENGTH = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Usps usps;
    private final PiiVault vault;
    private final AttributeEncryptor sealer;
    private final Fingerprints fingerprints;
    private final PendingLetterRepository pendingLetters;
    private final LetterCodeRepository letterCodes;
    private final AddressPolicy policy;
    private final Clock clock;

    LetterVerification(Usps usps, PiiVault vault, AttributeEncryptor sealer, Fingerprints fingerprints,
            PendingLetterRepository pendingLetters, LetterCodeRepository letterCodes, AddressPolicy policy,
            Clock clock) {
        this.usps = usps;
        this.vault = vault;
        this.sealer = sealer;
        this.fingerprints = fingerprints;
        this.pendingLetters = pendingLetters;
        this.letterCodes = letterCodes;
        this.policy = policy;
        this.clock = clock;
    }

    /** Keeps the confirmed name and address for the letter, sealed, beyond the vault's short life. */
    @Transactional
    public void prepare(JourneyId journey) {
        ProofingPii pii = vault.find(journey).orElseThrow(() -> new IllegalStateException("No address for journey " + journey));
        LetterAddress letter = new LetterAddress(pii.firstName(), pii.lastName(), pii.street(), pii.city(), pii.state(), pii.zip());
        pendingLetters.deleteByJourneyId(journey.value());
        pendingLetters.insert(new PendingLetter(journey.value(), sealer.encrypt(letter.toJson(), context(journey)),
                clock.instant()));
    }

    /**
     * Sends a letter with a new code (the same code again when this send is a retry under the same key).
     * Returns when the code expires, or empty when USPS did not accept the letter.
     */
    @Transactional
    public LetterSent send(JourneyId journey, IdempotencyKey key) {
        PendingLetter pending = pendingLetters.findById(journey.value())
                .orElseThrow(() -> new IllegalStateException("No letter prepared for journey " + journey));
        LetterAddress letter = LetterAddress.fromJson(sealer.decrypt(pending.sealedLetter(), context(journey)));
        String code = Optional.ofNullable(pending.sealedCode())
                .map(sealed -> sealer.decrypt(sealed, codeContext(journey)))
                .filter(stored -> stored.startsWith(key.value() + "|"))
                .map(stored -> stored.substring(key.value().length() + 1))
                .orElseGet(() -> PersonalKeys.randomCode(CODE_LENGTH));
        pending.replaceSealedCode(sealer.encrypt(key.value() + "|" + code, codeContext(journey)));
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
        return new LetterSent(CheckOutcome.pass(), expiresAt);
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

    /** The journey is over: the letter's name and address are no longer needed. */
    @EventListener
    void forget(JourneyEnded ended) {
        pendingLetters.deleteByJourneyId(ended.journey().value());
    }

    public record LetterSent(CheckOutcome outcome, Instant codeExpiresAt) {
    }

    static String context(JourneyId journey) {
        return "letter:" + journey;
    }

    static String codeContext(JourneyId journey) {
        return "letter-code:" + journey;
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
