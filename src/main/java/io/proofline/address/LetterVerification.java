package io.proofline.address;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final AddressPolicy policy;
    private final Clock clock;

    LetterVerification(Usps usps, PiiVault vault, AttributeEncryptor sealer, Fingerprints fingerprints, JdbcClient jdbc,
            AddressPolicy policy, Clock clock) {
        this.usps = usps;
        this.vault = vault;
        this.sealer = sealer;
        this.fingerprints = fingerprints;
        this.jdbc = jdbc;
        this.policy = policy;
        this.clock = clock;
    }

    /** Keeps the confirmed name and address for the letter, sealed, beyond the vault's short life. */
    @Transactional
    public void prepare(JourneyId journey) {
        ProofingPii pii = vault.find(journey).orElseThrow(() -> new IllegalStateException("No address for journey " + journey));
        LetterAddress letter = new LetterAddress(pii.firstName(), pii.lastName(), pii.street(), pii.city(), pii.state(), pii.zip());
        jdbc.sql("delete from pending_letter where journey_id = ?").param(journey.value()).update();
        jdbc.sql("insert into pending_letter (journey_id, sealed_letter, created_at) values (?, ?, ?)")
                .params(journey.value(), sealer.encrypt(letter.toJson(), context(journey)), Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Sends a letter with a new code (the same code again when this send is a retry under the same key).
     * Returns when the code expires, or empty when USPS did not accept the letter.
     */
    @Transactional
    public LetterSent send(JourneyId journey, IdempotencyKey key) {
        var row = jdbc.sql("select sealed_letter, sealed_code from pending_letter where journey_id = ?")
                .param(journey.value()).query().singleRow();
        LetterAddress letter = LetterAddress.fromJson(sealer.decrypt((String) row.get("sealed_letter"), context(journey)));
        String code = Optional.ofNullable((String) row.get("sealed_code"))
                .map(sealed -> sealer.decrypt(sealed, codeContext(journey)))
                .filter(stored -> stored.startsWith(key.value() + "|"))
                .map(stored -> stored.substring(key.value().length() + 1))
                .orElseGet(() -> PersonalKeys.randomCode(CODE_LENGTH));
        jdbc.sql("update pending_letter set sealed_code = ? where journey_id = ?")
                .params(sealer.encrypt(key.value() + "|" + code, codeContext(journey)), journey.value()).update();
        VendorResult<LetterReceipt> result = usps.sendLetter(new LetterRequest(letter.firstName(), letter.lastName(),
                new PostalAddress(letter.street(), null, letter.city(), letter.state(), letter.zip()), code), key);
        if (!(result instanceof VendorResult.Passed<LetterReceipt>)) {
            return new LetterSent(CheckOutcome.of(result), null);
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(policy.letterCodeValidity());
        jdbc.sql("delete from letter_code where code_fingerprint = ?").param(fingerprints.code("letter", code).current()).update();
        jdbc.sql("insert into letter_code (code_fingerprint, journey_id, sent_at, expires_at) values (?, ?, ?, ?)")
                .params(fingerprints.code("letter", code).current(), journey.value(), Timestamp.from(now),
                        Timestamp.from(expiresAt))
                .update();
        return new LetterSent(CheckOutcome.pass(), expiresAt);
    }

    /** Whether the typed code is one this journey was sent and has not expired (earlier letters' codes stay valid). */
    public boolean verify(JourneyId journey, String typed) {
        return jdbc.sql("select count(*) from letter_code where journey_id = :journey"
                + " and code_fingerprint in (:candidates) and expires_at > :now")
                .param("journey", journey.value())
                .param("candidates", fingerprints.code("letter", typed).candidates())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single() > 0;
    }

    /** When the code of the latest letter sent for this journey stops (or stopped) working; empty before any letter. */
    public Optional<Instant> latestCodeExpiry(JourneyId journey) {
        return jdbc.sql("select expires_at from letter_code where journey_id = ? order by expires_at desc limit 1")
                .param(journey.value()).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** How long a letter's code works after the letter is sent ({@code proofline.policy.letter-code-validity}). */
    public Duration codeValidity() {
        return policy.letterCodeValidity();
    }

    /** The journey is over: the letter's name and address are no longer needed. */
    @EventListener
    void forget(JourneyEnded ended) {
        jdbc.sql("delete from pending_letter where journey_id = ?").param(ended.journey().value()).update();
    }

    public record LetterSent(CheckOutcome outcome, Instant codeExpiresAt) {
    }

    private static String context(JourneyId journey) {
        return "letter:" + journey;
    }

    private static String codeContext(JourneyId journey) {
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
