package io.proofline.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.proofline.address.CodeDeliveryRequest.Channel;
import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.StubbedVendors;
import io.proofline.vendors.VendorErrorKind;
import io.proofline.vendors.VendorId;
import io.proofline.vendors.VendorResult;
import io.proofline.vendors.VendorState;

/** SMS and voice one-time codes against vendor-stubs/mappings/telephony.json. */
class OneTimeCodeDeliveryTest {

    static WireMockServer server;
    StubbedVendors vendors;
    OneTimeCodeDelivery delivery;

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
        delivery = new VendorOneTimeCodeDelivery(vendors.clients());
    }

    static IdempotencyKey key(String step) {
        return IdempotencyKey.of("c3e1a7b4-1f0d-4b8e-9d2a-5e6f7a8b9c0d", step);
    }

    @Test
    void aCodeIsQueuedBySmsOrVoice() {
        VendorResult<CodeDelivery> sms = delivery.deliver(new CodeDeliveryRequest(Channel.SMS, "2025550143", "7K3QZP"), key("otp:1"));
        VendorResult<CodeDelivery> voice = delivery.deliver(new CodeDeliveryRequest(Channel.VOICE, "2025550143", "4815162342"), key("otp:2"));

        assertThat(sms).isEqualTo(VendorResult.pass(new CodeDelivery("msg-" + key("otp:1").value(), false)));
        assertThat(voice.isPass()).isTrue();
        assertThat(vendors.outcomeCount(VendorId.SMS, "pass")).isEqualTo(1);
        assertThat(vendors.outcomeCount(VendorId.VOICE, "pass")).isEqualTo(1);
    }

    @Test
    void anSmsToALandlineFailsWithAdviceToCall() {
        VendorResult<CodeDelivery> result = delivery.deliver(new CodeDeliveryRequest(Channel.SMS, "7035555444", "7K3QZP"), key("l"));

        assertThat(result.reasonCodes()).containsExactly("CODE_UNDELIVERABLE");
        assertThat(delivery.deliver(new CodeDeliveryRequest(Channel.VOICE, "7035555444", "4815162342"), key("v")).isPass()).isTrue();
    }

    @Test
    void aTimedOutSendIsAVendorErrorAndIsNotRetried() {
        VendorResult<CodeDelivery> result = delivery.deliver(new CodeDeliveryRequest(Channel.SMS, "7035555888", "7K3QZP"), key("t"));

        assertThat(result).isEqualTo(VendorResult.error(VendorId.SMS, VendorErrorKind.TIMEOUT));
        assertThat(vendors.requestsTo(VendorOneTimeCodeDelivery.PATH)).as("a send is never retried by the adapter").hasSize(1);
    }

    @Test
    void aServerErrorIsAVendorErrorAndIsNotRetried() {
        assertThat(delivery.deliver(new CodeDeliveryRequest(Channel.SMS, "7035555999", "7K3QZP"), key("e")))
                .isEqualTo(VendorResult.error(VendorId.SMS, VendorErrorKind.SERVER_ERROR));
        assertThat(vendors.requestsTo(VendorOneTimeCodeDelivery.PATH)).hasSize(1);
    }

    @Test
    void aMalformedReplyIsAVendorError() {
        assertThat(delivery.deliver(new CodeDeliveryRequest(Channel.SMS, "7035555666", "7K3QZP"), key("m")))
                .isEqualTo(VendorResult.error(VendorId.SMS, VendorErrorKind.MALFORMED_REPLY));
    }

    @Test
    void aSendRepeatedUnderTheSameKeyIsOneMessage() {
        CodeDeliveryRequest request = new CodeDeliveryRequest(Channel.SMS, "7035555777", "7K3QZP");

        // The vendor sends, but its reply arrives after our timeout: vendor error, no retry by the adapter.
        VendorResult<CodeDelivery> first = delivery.deliver(request, key("otp:send"));
        // The engine's job runs again (at least once): same step, same key. The vendor recognises it.
        VendorResult<CodeDelivery> again = delivery.deliver(request, key("otp:send"));

        assertThat(first).isEqualTo(VendorResult.error(VendorId.SMS, VendorErrorKind.TIMEOUT));
        assertThat(again).isEqualTo(VendorResult.pass(new CodeDelivery("msg-" + key("otp:send").value(), true)));
        assertThat(vendors.keysSentTo(VendorOneTimeCodeDelivery.PATH))
                .as("two requests, one key: one message at a vendor that honours the key")
                .containsExactly(key("otp:send").value(), key("otp:send").value());
    }

    @Test
    void anSmsOutageLeavesVoiceWorking() {
        vendors.status.set(VendorId.SMS, VendorState.OUTAGE);

        assertThat(delivery.deliver(new CodeDeliveryRequest(Channel.SMS, "2025550143", "7K3QZP"), key("s")))
                .isEqualTo(VendorResult.error(VendorId.SMS, VendorErrorKind.OUTAGE));
        assertThat(delivery.deliver(new CodeDeliveryRequest(Channel.VOICE, "2025550143", "4815162342"), key("v")).isPass()).isTrue();
        assertThat(vendors.requestsTo(VendorOneTimeCodeDelivery.PATH)).hasSize(1);
    }

    @Test
    void anOpenSmsCircuitAnswersVendorErrorWithoutCalling() {
        for (int i = 0; i < 4; i++) {
            delivery.deliver(new CodeDeliveryRequest(Channel.SMS, "7035555999", "7K3QZP"), key("e" + i));
        }
        int sent = vendors.requestsTo(VendorOneTimeCodeDelivery.PATH).size();

        assertThat(delivery.deliver(new CodeDeliveryRequest(Channel.SMS, "2025550143", "7K3QZP"), key("ok")))
                .isEqualTo(VendorResult.error(VendorId.SMS, VendorErrorKind.CIRCUIT_OPEN));
        assertThat(vendors.requestsTo(VendorOneTimeCodeDelivery.PATH)).hasSize(sent);
    }

    @Test
    void theRequestPrintsNeitherPhoneNorCode() {
        assertThat(new CodeDeliveryRequest(Channel.SMS, "2025550143", "7K3QZP").toString()).doesNotContain("2025550143", "7K3QZP");
    }
}
