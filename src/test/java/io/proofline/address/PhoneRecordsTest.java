package io.proofline.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

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
import io.proofline.vendors.VendorState;

/** Phone records against vendor-stubs/mappings/phone.json. */
class PhoneRecordsTest {

    static WireMockServer server;
    StubbedVendors vendors;
    PhoneRecords phoneRecords;

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
        phoneRecords = new VendorPhoneRecords(vendors.clients());
    }

    static PhoneRecordRequest phone(String number) {
        return new PhoneRecordRequest(number, "Fakey", "McFakerson", LocalDate.of(1938, 10, 6), "900-66-1234",
                new PostalAddress("1 Fake Rd", null, "Greatest Falls", "MT", "59010"));
    }

    static IdempotencyKey key(String step) {
        return IdempotencyKey.of("7d1c6a2e-2b53-4a55-8d0c-0a4d9e8f1b22", step);
    }

    @Test
    void aPhoneInThePersonsNamePasses() {
        VendorResult<PhoneMatch> result = phoneRecords.check(phone("(202) 555-0143"), key("phone:1"));

        assertThat(result).isEqualTo(VendorResult.pass(new PhoneMatch(PhoneMatch.LineType.MOBILE)));
        assertThat(vendors.requestsTo(VendorPhoneRecords.PATH).get(0).getBodyAsString()).contains("\"phone\":\"+12025550143\"");
        assertThat(vendors.keysSentTo(VendorPhoneRecords.PATH)).containsExactly(key("phone:1").value());
    }

    @Test
    void aPhoneNotTiedToThePersonOrNotUsFails() {
        assertThat(phoneRecords.check(phone("703-555-5555"), key("a")).reasonCodes())
                .containsExactly("PHONE_NOT_TIED_TO_PERSON");
        assertThat(phoneRecords.check(phone("+44 20 7946 0958"), key("b")).reasonCodes())
                .containsExactly("NOT_A_US_NUMBER");
        assertThat(vendors.outcomeCount(VendorId.PHONE_RECORDS, "fail")).isEqualTo(2);
    }

    @Test
    void aTimeoutIsAVendorErrorAfterOneRetryUnderTheSameKey() {
        assertThat(phoneRecords.check(phone("7035555888"), key("t")))
                .isEqualTo(VendorResult.error(VendorId.PHONE_RECORDS, VendorErrorKind.TIMEOUT));
        assertThat(vendors.keysSentTo(VendorPhoneRecords.PATH)).containsExactly(key("t").value(), key("t").value());
    }

    @Test
    void aServerErrorIsAVendorError() {
        VendorResult<PhoneMatch> result = phoneRecords.check(phone("7035555999"), key("e"));

        assertThat(result).isEqualTo(VendorResult.error(VendorId.PHONE_RECORDS, VendorErrorKind.SERVER_ERROR));
        assertThat(result.isFail()).isFalse();
        assertThat(vendors.outcomeCount(VendorId.PHONE_RECORDS, "fail")).isZero();
    }

    @Test
    void aMalformedReplyIsAVendorErrorAndNotRetried() {
        assertThat(phoneRecords.check(phone("7035555666"), key("m")))
                .isEqualTo(VendorResult.error(VendorId.PHONE_RECORDS, VendorErrorKind.MALFORMED_REPLY));
        assertThat(vendors.requestsTo(VendorPhoneRecords.PATH)).hasSize(1);
    }

    @Test
    void anOpenCircuitAnswersVendorErrorWithoutCalling() {
        phoneRecords.check(phone("7035555999"), key("1"));
        phoneRecords.check(phone("7035555999"), key("2"));
        int sent = vendors.requestsTo(VendorPhoneRecords.PATH).size();

        assertThat(phoneRecords.check(phone("2025550143"), key("3")))
                .isEqualTo(VendorResult.error(VendorId.PHONE_RECORDS, VendorErrorKind.CIRCUIT_OPEN));
        assertThat(vendors.requestsTo(VendorPhoneRecords.PATH)).hasSize(sent);
    }

    @Test
    void phoneRecordsInOutageAreNotCalled() {
        vendors.status.set(VendorId.PHONE_RECORDS, VendorState.OUTAGE);

        assertThat(phoneRecords.check(phone("2025550143"), key("o")))
                .isEqualTo(VendorResult.error(VendorId.PHONE_RECORDS, VendorErrorKind.OUTAGE));
        assertThat(vendors.requestsTo(VendorPhoneRecords.PATH)).isEmpty();
    }
}
