package io.proofline.resolution;

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

/** Identity resolution against vendor-stubs/mappings/resolution.json. */
class IdentityResolutionTest {

    static WireMockServer server;
    StubbedVendors vendors;
    IdentityResolution resolution;

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
        resolution = new VendorIdentityResolution(vendors.clients());
    }

    static ResolutionRequest person(String firstName, String ssn, String zip) {
        return new ResolutionRequest(firstName, "McFakerson", LocalDate.of(1938, 10, 6), ssn,
                new PostalAddress("1 Fake Rd", null, "Greatest Falls", "MT", zip));
    }

    static IdempotencyKey key(String step) {
        return IdempotencyKey.of("0b6a3f0e-5a1d-4d6c-9a55-3f0f3e0d6a11", step);
    }

    @Test
    void aMatchingPersonPasses() {
        VendorResult<ResolutionOutcome> result = resolution.resolve(person("Fakey", "900-66-1234", "59010"), key("resolve:1"));

        assertThat(result).isInstanceOf(VendorResult.Passed.class);
        ResolutionOutcome outcome = ((VendorResult.Passed<ResolutionOutcome>) result).value();
        assertThat(outcome.singlePerson()).isTrue();
        assertThat(outcome.attributes()).containsValues(AttributeCheck.VERIFIED).doesNotContainValue(AttributeCheck.UNVERIFIED);
        assertThat(vendors.keysSentTo(VendorIdentityResolution.PATH)).containsExactly(key("resolve:1").value());
        assertThat(vendors.outcomeCount(VendorId.IDENTITY_RESOLUTION, "pass")).isEqualTo(1);
    }

    @Test
    void eachUnverifiedAttributeIsAReasonTheUserCanActOn() {
        assertThat(resolution.resolve(person("Fakey", "123-45-6789", "59010"), key("a")).reasonCodes())
                .containsExactly("SSN_UNVERIFIED");
        assertThat(resolution.resolve(person("FailFakey", "900661234", "59010"), key("b")).reasonCodes())
                .containsExactly("NAME_UNVERIFIED");
        assertThat(resolution.resolve(person("Fakey", "900661234", "00000"), key("c")).reasonCodes())
                .containsExactly("ADDRESS_UNVERIFIED");
        assertThat(resolution.resolve(person("MixedFakey", "900661234", "59010"), key("d")).reasonCodes())
                .containsExactly("NOT_A_SINGLE_PERSON");

        VendorResult<ResolutionOutcome> failed = resolution.resolve(person("Fakey", "900661234", "00000"), key("e"));
        assertThat(failed).isInstanceOf(VendorResult.Failed.class);
        assertThat(((VendorResult.Failed<ResolutionOutcome>) failed).detail().check(ResolutionAttribute.ADDRESS))
                .isEqualTo(AttributeCheck.UNVERIFIED);
        assertThat(((VendorResult.Failed<ResolutionOutcome>) failed).reasons().get(0).messageKey()).startsWith("verify.advice.");
        assertThat(vendors.outcomeCount(VendorId.IDENTITY_RESOLUTION, "fail")).isEqualTo(5);
    }

    @Test
    void aTimeoutIsAVendorErrorAfterOneRetryUnderTheSameKey() {
        long start = System.nanoTime();
        VendorResult<ResolutionOutcome> result = resolution.resolve(person("TimeoutFakey", "900661234", "59010"), key("t"));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result).isEqualTo(VendorResult.error(VendorId.IDENTITY_RESOLUTION, VendorErrorKind.TIMEOUT));
        assertThat(result.isFail()).as("a vendor error is never a user failure").isFalse();
        assertThat(vendors.keysSentTo(VendorIdentityResolution.PATH)).containsExactly(key("t").value(), key("t").value());
        assertThat(millis).as("two 400 ms attempts, not the stub's 2 s each").isLessThan(1800);
    }

    @Test
    void aServerErrorIsAVendorErrorAfterOneRetry() {
        VendorResult<ResolutionOutcome> result = resolution.resolve(person("ErrorFakey", "900661234", "59010"), key("e"));

        assertThat(result).isEqualTo(VendorResult.error(VendorId.IDENTITY_RESOLUTION, VendorErrorKind.SERVER_ERROR));
        assertThat(vendors.requestsTo(VendorIdentityResolution.PATH)).hasSize(2);
        assertThat(vendors.outcomeCount(VendorId.IDENTITY_RESOLUTION, "vendor_error")).isEqualTo(1);
        assertThat(vendors.outcomeCount(VendorId.IDENTITY_RESOLUTION, "fail")).isZero();
    }

    @Test
    void aMalformedReplyIsAVendorErrorAndNotRetried() {
        VendorResult<ResolutionOutcome> result = resolution.resolve(person("GarbledFakey", "900661234", "59010"), key("m"));

        assertThat(result).isEqualTo(VendorResult.error(VendorId.IDENTITY_RESOLUTION, VendorErrorKind.MALFORMED_REPLY));
        assertThat(vendors.requestsTo(VendorIdentityResolution.PATH)).hasSize(1);
    }

    @Test
    void aRetriedLookupCarriesOneKeySoTheVendorSeesOneRequestTwice() {
        // First attempt times out (the stub's scenario answers after 2 s), the retry is answered at once.
        VendorResult<ResolutionOutcome> result = resolution.resolve(person("FlakyFakey", "900661234", "59010"), key("f"));

        assertThat(result.isPass()).isTrue();
        assertThat(vendors.keysSentTo(VendorIdentityResolution.PATH))
                .as("both attempts carry the one key, so a key-honouring vendor does the work once")
                .hasSize(2).containsOnly(key("f").value());
        assertThat(server.getAllScenarios().getScenarios()).anySatisfy(s -> {
            assertThat(s.getName()).isEqualTo("resolution-flaky");
            assertThat(s.getState()).isEqualTo("Started");
        });
    }

    @Test
    void anOpenCircuitAnswersVendorErrorWithoutCalling() {
        resolution.resolve(person("ErrorFakey", "900661234", "59010"), key("1"));
        resolution.resolve(person("ErrorFakey", "900661234", "59010"), key("2"));
        int sent = vendors.requestsTo(VendorIdentityResolution.PATH).size();

        VendorResult<ResolutionOutcome> result = resolution.resolve(person("Fakey", "900661234", "59010"), key("3"));

        assertThat(result).isEqualTo(VendorResult.error(VendorId.IDENTITY_RESOLUTION, VendorErrorKind.CIRCUIT_OPEN));
        assertThat(vendors.requestsTo(VendorIdentityResolution.PATH)).hasSize(sent);
        assertThat(vendors.circuitStates(VendorId.IDENTITY_RESOLUTION)).containsEntry("open", 1.0);
    }

    @Test
    void aVendorInOutageIsNotCalled() {
        vendors.status.set(VendorId.IDENTITY_RESOLUTION, VendorState.OUTAGE);

        VendorResult<ResolutionOutcome> result = resolution.resolve(person("Fakey", "900661234", "59010"), key("o"));

        assertThat(result).isEqualTo(VendorResult.error(VendorId.IDENTITY_RESOLUTION, VendorErrorKind.OUTAGE));
        assertThat(vendors.requestsTo(VendorIdentityResolution.PATH)).isEmpty();
    }

    @Test
    void theRequestCarriesTheAttributesTheVendorNeeds() {
        resolution.resolve(person("Fakey", "900-66-1234", "59010"), key("w"));

        String body = vendors.requestsTo(VendorIdentityResolution.PATH).get(0).getBodyAsString();
        assertThat(body).contains("\"ssn\":\"900661234\"", "\"dateOfBirth\":\"1938-10-06\"", "\"zip\":\"59010\"");
        assertThat(vendors.requestsTo(VendorIdentityResolution.PATH).get(0).getHeader("Authorization"))
                .isEqualTo("Bearer test-key");
    }

    @Test
    void requestsPrintNoPersonalData() {
        assertThat(person("Fakey", "900661234", "59010").toString()).doesNotContain("Fakey", "900661234", "59010", "1938");
    }
}
