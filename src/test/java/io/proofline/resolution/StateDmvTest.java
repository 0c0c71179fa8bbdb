package io.proofline.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.StubbedVendors;
import io.proofline.vendors.VendorErrorKind;
import io.proofline.vendors.VendorId;
import io.proofline.vendors.VendorResult;

/** State DMV against vendor-stubs/mappings/dmv.json. */
class StateDmvTest {

    static WireMockServer server;
    StubbedVendors vendors;
    StateDmv dmv;

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
        dmv = new VendorStateDmv(vendors.clients());
    }

    static StateIdRequest id(String number, String state, String lastName) {
        return new StateIdRequest(number, state, "Fakey", lastName, LocalDate.of(1938, 10, 6), LocalDate.of(2099, 12, 31));
    }

    static IdempotencyKey key(String step) {
        return IdempotencyKey.of("5e0c2a57-0d7e-4f7e-8f47-6a9b2c0e7d10", step);
    }

    @Test
    void aConfirmedIdPasses() {
        VendorResult<DmvOutcome> result = dmv.confirm(id("D12345678", "VA", "McFakerson"), key("dmv"));

        assertThat(result.isPass()).isTrue();
        DmvOutcome outcome = ((VendorResult.Passed<DmvOutcome>) result).value();
        assertThat(outcome.jurisdictionSupported()).isTrue();
        assertThat(outcome.check(DmvAttribute.ID_NUMBER)).isEqualTo(AttributeCheck.VERIFIED);
        assertThat(vendors.keysSentTo(VendorStateDmv.PATH)).containsExactly(key("dmv").value());
    }

    @Test
    void anUnsupportedJurisdictionIsSkippedAsAPass() {
        VendorResult<DmvOutcome> result = dmv.confirm(id("D12345678", "AS", "McFakerson"), key("dmv"));

        assertThat(result.isPass()).isTrue();
        assertThat(((VendorResult.Passed<DmvOutcome>) result).value().jurisdictionSupported()).isFalse();
    }

    @Test
    void unverifiedAttributesFailWithReasons() {
        assertThat(dmv.confirm(id("000000000", "VA", "McFakerson"), key("a")).reasonCodes())
                .containsExactly("ID_NUMBER_UNVERIFIED");
        assertThat(dmv.confirm(id("D12345678", "VA", "ExpiredMcFakerson"), key("b")).reasonCodes())
                .containsExactly("EXPIRY_UNVERIFIED");
    }

    @Test
    void aTimeoutIsAVendorErrorAfterOneRetryUnderTheSameKey() {
        assertThat(dmv.confirm(id("mvatimeout", "VA", "McFakerson"), key("t")))
                .isEqualTo(VendorResult.error(VendorId.STATE_DMV, VendorErrorKind.TIMEOUT));
        assertThat(vendors.keysSentTo(VendorStateDmv.PATH)).containsExactly(key("t").value(), key("t").value());
        assertThat(vendors.outcomeCount(VendorId.STATE_DMV, "fail")).isZero();
    }

    @Test
    void aServerErrorIsAVendorErrorAfterOneRetry() {
        assertThat(dmv.confirm(id("mvaerror", "VA", "McFakerson"), key("e")))
                .isEqualTo(VendorResult.error(VendorId.STATE_DMV, VendorErrorKind.SERVER_ERROR));
        assertThat(vendors.keysSentTo(VendorStateDmv.PATH)).containsExactly(key("e").value(), key("e").value());
        assertThat(vendors.outcomeCount(VendorId.STATE_DMV, "vendor_error")).isEqualTo(1);
    }

    @Test
    void aMalformedReplyIsAVendorErrorAndNotRetried() {
        assertThat(dmv.confirm(id("mvagarbled", "VA", "McFakerson"), key("m")))
                .isEqualTo(VendorResult.error(VendorId.STATE_DMV, VendorErrorKind.MALFORMED_REPLY));
        assertThat(vendors.keysSentTo(VendorStateDmv.PATH)).containsExactly(key("m").value());
        assertThat(vendors.outcomeCount(VendorId.STATE_DMV, "fail")).isZero();
    }

    @Test
    void anOpenCircuitAnswersVendorErrorWithoutCalling() {
        dmv.confirm(id("mvaerror", "VA", "McFakerson"), key("1"));
        dmv.confirm(id("mvaerror", "VA", "McFakerson"), key("2"));
        int sent = vendors.requestsTo(VendorStateDmv.PATH).size();

        assertThat(dmv.confirm(id("D12345678", "VA", "McFakerson"), key("3")))
                .isEqualTo(VendorResult.error(VendorId.STATE_DMV, VendorErrorKind.CIRCUIT_OPEN));
        assertThat(vendors.requestsTo(VendorStateDmv.PATH)).hasSize(sent);
    }
}
