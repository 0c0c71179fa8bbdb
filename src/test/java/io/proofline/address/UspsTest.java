package io.proofline.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.PostalAddress;
import io.proofline.vendors.StubbedVendors;
import io.proofline.vendors.VendorErrorKind;
import io.proofline.vendors.VendorId;
import io.proofline.vendors.VendorResult;

/** USPS letter and in-person proofing against vendor-stubs/mappings/usps.json. */
class UspsTest {

    static WireMockServer server;
    StubbedVendors vendors;
    Usps usps;

    @BeforeAll
    static void startStubs() {
        server = StubbedVendors.startStubServer();
    }

    @AfterAll
    static void stopStubs() {
        server.stop();
    }

    @BeforeEach
    void freshAdapter() {
        vendors = StubbedVendors.on(server);
        usps = new VendorUsps(vendors.clients());
    }

    static PostalAddress address(String zip) {
        return new PostalAddress("1 Fake Rd", "Apt 2", "Greatest Falls", "MT", zip);
    }

    static IdempotencyKey key(String step) {
        return IdempotencyKey.of("a9e8d7c6-b5a4-4321-8fed-cba987654321", step);
    }

    @Test
    void aLetterIsAccepted() {
        VendorResult<LetterReceipt> result = usps.sendLetter(new LetterRequest("Fakey", "McFakerson", address("59010"), "ABCDE12345"), key("letter:1"));

        assertThat(result).isEqualTo(VendorResult.pass(new LetterReceipt("letter-" + key("letter:1").value(), false)));
    }

    @Test
    void aLetterToAnUndeliverableAddressFails() {
        assertThat(usps.sendLetter(new LetterRequest("Fakey", "McFakerson", address("00000"), "ABCDE12345"), key("l")).reasonCodes())
                .containsExactly("ADDRESS_UNDELIVERABLE");
    }

    @Test
    void letterVendorErrorsAreNotRetried() {
        assertThat(usps.sendLetter(new LetterRequest("TimeoutFakey", "McFakerson", address("59010"), "ABCDE12345"), key("t")))
                .isEqualTo(VendorResult.error(VendorId.USPS, VendorErrorKind.TIMEOUT));
        assertThat(usps.sendLetter(new LetterRequest("ErrorFakey", "McFakerson", address("59010"), "ABCDE12345"), key("e")))
                .isEqualTo(VendorResult.error(VendorId.USPS, VendorErrorKind.SERVER_ERROR));
        assertThat(usps.sendLetter(new LetterRequest("GarbledFakey", "McFakerson", address("59010"), "ABCDE12345"), key("m")))
                .isEqualTo(VendorResult.error(VendorId.USPS, VendorErrorKind.MALFORMED_REPLY));
        assertThat(vendors.keysSentTo(VendorUsps.LETTERS)).containsExactly(key("t").value(), key("e").value(), key("m").value());
    }

    @Test
    void anEnrollmentGetsASixteenDigitCodeAndItsStatusCanBePolled() {
        VendorResult<Enrollment> enrolled = usps.enroll(new EnrollmentRequest("a1b2c3d4e5f6a7b8c9", "Fakey", "McFakerson", address("59010")), key("ipp"));

        assertThat(enrolled.isPass()).isTrue();
        Enrollment enrollment = ((VendorResult.Passed<Enrollment>) enrolled).value();
        assertThat(enrollment.enrollmentCode()).matches("[0-9]{16}");
        assertThat(enrollment.formattedCode()).matches("[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{4}");
        assertThat(usps.enrollmentStatus(enrollment, key("poll:1"))).isEqualTo(VendorResult.pass(EnrollmentStatus.PENDING));
    }

    @Test
    void eachEnrollmentStatusIsReported() {
        assertThat(statusAfterEnrolling("IppPassed")).isEqualTo(EnrollmentStatus.PASSED);
        assertThat(statusAfterEnrolling("IppFailed")).isEqualTo(EnrollmentStatus.FAILED);
        assertThat(statusAfterEnrolling("IppExpired")).isEqualTo(EnrollmentStatus.EXPIRED);
    }

    private EnrollmentStatus statusAfterEnrolling(String lastName) {
        Enrollment enrollment = ((VendorResult.Passed<Enrollment>) usps.enroll(
                new EnrollmentRequest("u-" + lastName, "Fakey", lastName, address("59010")), key(lastName))).value();
        return ((VendorResult.Passed<EnrollmentStatus>) usps.enrollmentStatus(enrollment, key("poll-" + lastName))).value();
    }

    @Test
    void anEnrollmentAtAnInvalidAddressFails() {
        assertThat(usps.enroll(new EnrollmentRequest("u1", "Fakey", "McFakerson", address("00000")), key("ipp")).reasonCodes())
                .containsExactly("ADDRESS_NOT_VALID_FOR_IN_PERSON");
    }

    @Test
    void statusPollsAreRetriedUnderOneKeyAndErrorsAreVendorErrors() {
        assertThat(usps.enrollmentStatus(new Enrollment("u1", "1234567890120888"), key("t")))
                .isEqualTo(VendorResult.error(VendorId.USPS, VendorErrorKind.TIMEOUT));
        assertThat(usps.enrollmentStatus(new Enrollment("u1", "1234567890120999"), key("e")))
                .isEqualTo(VendorResult.error(VendorId.USPS, VendorErrorKind.SERVER_ERROR));
        assertThat(vendors.keysSentTo(VendorUsps.RESULTS))
                .containsExactly(key("t").value(), key("t").value(), key("e").value(), key("e").value());
    }

    @Test
    void anUnknownStatusIsAMalformedReply() {
        assertThat(usps.enrollmentStatus(new Enrollment("u1", "1234567890120666"), key("m")))
                .isEqualTo(VendorResult.error(VendorId.USPS, VendorErrorKind.MALFORMED_REPLY));
    }

    @Test
    void anOpenCircuitAnswersVendorErrorWithoutCalling() {
        for (int i = 0; i < 4; i++) {
            usps.sendLetter(new LetterRequest("ErrorFakey", "McFakerson", address("59010"), "ABCDE12345"), key("e" + i));
        }
        int sent = vendors.requestsTo(VendorUsps.LETTERS).size();

        assertThat(usps.sendLetter(new LetterRequest("Fakey", "McFakerson", address("59010"), "ABCDE12345"), key("ok")))
                .isEqualTo(VendorResult.error(VendorId.USPS, VendorErrorKind.CIRCUIT_OPEN));
        assertThat(vendors.requestsTo(VendorUsps.LETTERS)).hasSize(sent);
    }
}
