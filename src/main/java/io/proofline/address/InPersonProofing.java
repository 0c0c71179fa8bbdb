package io.proofline.address;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.security.SecureRandom;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import io.proofline.crypto.AttributeEncryptor;
import io.proofline.journey.JourneyEnded;
import io.proofline.journey.JourneyId;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;
import io.proofline.vendors.CheckOutcome;
import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.VendorResult;

/**
 * Seed 001: the validated name and address are shared with USPS, which issues an enrollment code the
 * person takes to a Post Office within {@code proofline.policy.in-person-enrollment-validity}; the
 * enrollment is then polled until it passes, fails or expires.
 * <p>
 * The enrollment code is kept sealed under the attribute key, and only while the enrollment is pending: USPS's
 * status lookup takes it with our unique id, the poll runs every half hour for up to 7 days with nobody signed in
 * (so it cannot sit under the password), and the person reads it on the wait page to show at the counter. Once
 * USPS reports the visit passed, failed or expired, or the journey ends, the code is erased.
 */
@Service
public class InPersonProofing {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Usps usps;
    private final PiiVault vault;
    private final AttributeEncryptor sealer;
    private final EnrollmentRepository enrollments;
    private final AddressPolicy policy;
    private final Clock clock;

    InPersonProofing(Usps usps, PiiVault vault, AttributeEncryptor sealer, EnrollmentRepository enrollments,
            AddressPolicy policy, Clock clock) {
        this.usps = usps;
        this.vault = vault;
        this.sealer = sealer;
        this.enrollments = enrollments;
        this.policy = policy;
        this.clock = clock;
    }

    /** Creates the enrollment (once per journey); returns its deadline, or the vendor's refusal. */
    public EnrollmentCreated enroll(JourneyId journey, IdempotencyKey key) {
        Optional<InPersonEnrollment> existing = enrollment(journey);
        if (existing.isPresent()) {
            return new EnrollmentCreated(CheckOutcome.pass(), existing.get().expiresAt());
        }
        ProofingPii pii = vault.find(journey).orElseThrow(() -> new IllegalStateException("No details for journey " + journey));
        byte[] id = new byte[9];
        RANDOM.nextBytes(id);
        VendorResult<Enrollment> result = usps.enroll(new EnrollmentRequest(HexFormat.of().formatHex(id), pii.firstName(),
                pii.lastName(), pii.postalAddress()), key);
        if (!(result instanceof VendorResult.Passed<Enrollment> passed)) {
            return new EnrollmentCreated(CheckOutcome.of(result), null);
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(policy.inPersonEnrollmentValidity());
        enrollments.insert(new SealedEnrollment(journey.value(), passed.value().uniqueId(),
                sealer.encrypt(passed.value().enrollmentCode(), context(journey)), expiresAt, now));
        return new EnrollmentCreated(CheckOutcome.pass(), expiresAt);
    }

    /** Asks USPS where the enrollment stands. When USPS cannot be reached it is still pending: ask again later. */
    public EnrollmentStatus poll(JourneyId journey, IdempotencyKey key) {
        InPersonEnrollment enrollment = enrollment(journey).filter(found -> found.code() != null)
                .orElseThrow(() -> new IllegalStateException("No pending enrollment for journey " + journey));
        VendorResult<EnrollmentStatus> result = usps.enrollmentStatus(
                new Enrollment(enrollment.uniqueId(), enrollment.code()), key);
        EnrollmentStatus status = result instanceof VendorResult.Passed<EnrollmentStatus> passed
                ? passed.value() : EnrollmentStatus.PENDING;
        enrollments.updateStatus(journey.value(), status);
        if (status != EnrollmentStatus.PENDING) {
            enrollments.eraseCode(journey.value());
        }
        return status;
    }

    /** The journey is over (whatever way, abandoned too): the enrollment's code is no longer kept. */
    @EventListener
    void forget(JourneyEnded ended) {
        enrollments.eraseCode(ended.journey().value());
    }

    /** The enrollment code (null once the enrollment is over) and deadline to show the person. */
    public Optional<InPersonEnrollment> enrollment(JourneyId journey) {
        return enrollments.findById(journey.value()).map(stored -> new InPersonEnrollment(stored.uniqueId(),
                stored.sealedCode() == null ? null : sealer.decrypt(stored.sealedCode(), context(journey)),
                stored.expiresAt(), stored.status()));
    }

    public record EnrollmentCreated(CheckOutcome outcome, Instant expiresAt) {
    }

    public record InPersonEnrollment(String uniqueId, String code, Instant expiresAt, EnrollmentStatus status) {
        @Override
        public String toString() {
            return "InPersonEnrollment[status=" + status + ", expiresAt=" + expiresAt + ", code redacted]";
        }
    }

    static String context(JourneyId journey) {
        return "in-person:" + journey;
    }
}
