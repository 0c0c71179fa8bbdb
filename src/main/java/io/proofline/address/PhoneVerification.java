package io.proofline.address;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.proofline.accounts.AccountId;
import io.proofline.crypto.PersonalKeys;
import io.proofline.journey.JourneyId;
import io.proofline.throttle.ThrottleType;
import io.proofline.throttle.Throttles;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;
import io.proofline.vendors.CheckOutcome;
import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.VendorId;
import io.proofline.vendors.VendorResult;
import io.proofline.vendors.VendorStatus;

/**
 * Seed 004 step 9.a: a U.S. phone tied to the person's name, address and SSN, then a one-time code to
 * prove possession. The code waits sealed in the vault (so a retried send repeats the same code under the
 * same idempotency key) and is valid for {@code proofline.policy.one-time-code-validity}.
 */
@Service
public class PhoneVerification {

    static final ThrottleType PHONE = ThrottleType.named("phone");
    static final ThrottleType ONE_TIME_CODE = ThrottleType.named("one-time-code");
    private static final int CODE_LENGTH = 6;

    private final PhoneRecords records;
    private final OneTimeCodeDelivery delivery;
    private final VendorStatus vendors;
    private final Throttles throttles;
    private final PiiVault vault;
    private final AddressPolicy policy;
    private final Clock clock;

    PhoneVerification(PhoneRecords records, OneTimeCodeDelivery delivery, VendorStatus vendors, Throttles throttles,
            PiiVault vault, AddressPolicy policy, Clock clock) {
        this.records = records;
        this.delivery = delivery;
        this.vendors = vendors;
        this.throttles = throttles;
        this.vault = vault;
        this.policy = policy;
        this.clock = clock;
    }

    /** The phone is offered unless its vendors are in outage or the person is locked out of it; the letter always is. */
    public boolean available(AccountId account) {
        String subject = account.toString();
        return vendors.isOperational(VendorId.PHONE_RECORDS) && vendors.isOperational(VendorId.SMS)
                && !throttles.check(subject, PHONE).isLocked() && !throttles.check(subject, ONE_TIME_CODE).isLocked();
    }

    public CheckOutcome checkRecords(JourneyId journey, IdempotencyKey key) {
        ProofingPii pii = vault.find(journey).orElseGet(ProofingPii::empty);
        if (pii.phone() == null || pii.ssn() == null) {
            return CheckOutcome.fail("DETAILS_INCOMPLETE");
        }
        return CheckOutcome.of(records.check(new PhoneRecordRequest(pii.phone(), pii.firstName(), pii.lastName(),
                pii.dateOfBirth(), pii.ssn(), pii.postalAddress()),
                key));
    }

    /**
     * Sends the code by text message or voice call. A retry under the same key sends the same code, which the
     * vendor deduplicates. Fails with {@code CODE_UNDELIVERABLE} when the phone cannot receive it that way.
     */
    public CheckOutcome sendCode(JourneyId journey, IdempotencyKey key, CodeDeliveryRequest.Channel channel) {
        String phone = vault.find(journey).map(ProofingPii::phone)
                .orElseThrow(() -> new IllegalStateException("No phone number for journey " + journey));
        PendingCode pending = pendingCode(journey).filter(code -> code.key().equals(key.value()))
                .orElseGet(() -> new PendingCode(key.value(), PersonalKeys.randomCode(CODE_LENGTH),
                        clock.instant().plus(policy.oneTimeCodeValidity())));
        vault.attach(journey, PiiVault.Attachment.ONE_TIME_CODE, pending.toBytes());
        VendorResult<CodeDelivery> result = delivery.deliver(
                new CodeDeliveryRequest(channel, phone, pending.code()), key);
        return CheckOutcome.of(result);
    }

    /** Whether the typed code is the one sent, and still valid. The code can be used once. */
    public boolean verifyCode(JourneyId journey, String typed) {
        Optional<PendingCode> pending = pendingCode(journey);
        boolean valid = pending.isPresent() && clock.instant().isBefore(pending.get().expiresAt())
                && MessageDigest.isEqual(pending.get().code().getBytes(StandardCharsets.US_ASCII),
                        PersonalKeys.normalize(typed).getBytes(StandardCharsets.US_ASCII));
        if (valid) {
            vault.detach(journey, PiiVault.Attachment.ONE_TIME_CODE);
        }
        return valid;
    }

    private Optional<PendingCode> pendingCode(JourneyId journey) {
        return vault.attachment(journey, PiiVault.Attachment.ONE_TIME_CODE).map(PendingCode::fromBytes);
    }

    private record PendingCode(String key, String code, Instant expiresAt) {
        byte[] toBytes() {
            return (key + "\n" + code + "\n" + expiresAt).getBytes(StandardCharsets.UTF_8);
        }

        static PendingCode fromBytes(byte[] bytes) {
            String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\n");
            return new PendingCode(parts[0], parts[1], Instant.parse(parts[2]));
        }

        @Override
        public String toString() {
            return "PendingCode[redacted]";
        }
    }
}
