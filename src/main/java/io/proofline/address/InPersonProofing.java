package io.proofline.address;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.security.SecureRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.proofline.crypto.AttributeEncryptor;
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
 */
@Service
public class InPersonProofing {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Usps usps;
    private final PiiVault vault;
    private final AttributeEncryptor sealer;
    private final JdbcClient jdbc;
    private final AddressPolicy policy;
    private final Clock clock;

    InPersonProofing(Usps usps, PiiVault vault, AttributeEncryptor sealer, JdbcClient jdbc, AddressPolicy policy,
            Clock clock) {
        this.usps = usps;
        this.vault = vault;
        this.sealer = sealer;
        this.jdbc = jdbc;
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
        jdbc.sql("""
                insert into in_person_enrollment (journey_id, unique_id, sealed_code, expires_at, status, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(journey.value(), passed.value().uniqueId(),
                        sealer.encrypt(passed.value().enrollmentCode(), context(journey)), Timestamp.from(expiresAt),
                        EnrollmentStatus.PENDING.name(), Timestamp.from(now))
                .update();
        return new EnrollmentCreated(CheckOutcome.pass(), expiresAt);
    }

    /** Asks USPS where the enrollment stands. When USPS cannot be reached it is still pending: ask again later. */
    public EnrollmentStatus poll(JourneyId journey, IdempotencyKey key) {
        InPersonEnrollment enrollment = enrollment(journey)
                .orElseThrow(() -> new IllegalStateException("No enrollment for journey " + journey));
        VendorResult<EnrollmentStatus> result = usps.enrollmentStatus(
                new Enrollment(enrollment.uniqueId(), enrollment.code()), key);
        EnrollmentStatus status = result instanceof VendorResult.Passed<EnrollmentStatus> passed
                ? passed.value() : EnrollmentStatus.PENDING;
        jdbc.sql("update in_person_enrollment set status = ? where journey_id = ?")
                .params(status.name(), journey.value()).update();
        return status;
    }

    /** The enrollment code and deadline to show the person. */
    public Optional<InPersonEnrollment> enrollment(JourneyId journey) {
        return jdbc.sql("select unique_id, sealed_code, expires_at, status from in_person_enrollment where journey_id = ?")
                .param(journey.value())
                .query((rs, n) -> new InPersonEnrollment(rs.getString("unique_id"),
                        sealer.decrypt(rs.getString("sealed_code"), context(journey)),
                        rs.getTimestamp("expires_at").toInstant(), EnrollmentStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    public record EnrollmentCreated(CheckOutcome outcome, Instant expiresAt) {
    }

    public record InPersonEnrollment(String uniqueId, String code, Instant expiresAt, EnrollmentStatus status) {
        @Override
        public String toString() {
            return "InPersonEnrollment[status=" + status + ", expiresAt=" + expiresAt + ", code redacted]";
        }
    }

    private static String context(JourneyId journey) {
        return "in-person:" + journey;
    }
}
