package io.proofline.address;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.proofline.vendors.CallKind;
import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.ReplyInterpreter;
import io.proofline.vendors.VendorClient;
import io.proofline.vendors.VendorClients;
import io.proofline.vendors.VendorId;
import io.proofline.vendors.VendorResult;

/**
 * {@code POST /telephony/v1/messages}. SMS and voice are separate vendors for status and circuit
 * breaking (an SMS outage must not stop voice calls), served by one telephony API.
 */
@Component
class VendorOneTimeCodeDelivery implements OneTimeCodeDelivery {

    static final String PATH = "/telephony/v1/messages";

    private final VendorClient sms;
    private final VendorClient voice;

    VendorOneTimeCodeDelivery(VendorClients clients) {
        this.sms = clients.client(VendorId.SMS);
        this.voice = clients.client(VendorId.VOICE);
    }

    @Override
    public VendorResult<CodeDelivery> deliver(CodeDeliveryRequest request, IdempotencyKey key) {
        VendorClient client = request.channel() == CodeDeliveryRequest.Channel.SMS ? sms : voice;
        ObjectNode body = client.newObject();
        body.put("channel", request.channel().name());
        body.put("to", PhoneNumbers.e164(request.phone()));
        body.put("code", request.code());
        return client.postJson("deliver", PATH, CallKind.SIDE_EFFECT, key, body, VendorOneTimeCodeDelivery::interpret);
    }

    enum Status {
        QUEUED, DUPLICATE, UNDELIVERABLE
    }

    static VendorResult<CodeDelivery> interpret(JsonNode reply) {
        return switch (ReplyInterpreter.oneOf(reply, "status", Status.class)) {
            case QUEUED -> VendorResult.pass(new CodeDelivery(ReplyInterpreter.text(reply, "messageId"), false));
            case DUPLICATE -> VendorResult.pass(new CodeDelivery(ReplyInterpreter.text(reply, "messageId"), true));
            case UNDELIVERABLE -> VendorResult.fail(AddressFailure.CODE_UNDELIVERABLE);
        };
    }
}
