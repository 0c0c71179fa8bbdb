package io.proofline.email;

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

/** {@code POST /email/v1/messages}: one plain-text message, in the manner of a transactional email API. */
@Component
class VendorEmailDelivery implements EmailDelivery {

    static final String PATH = "/email/v1/messages";

    private final VendorClient client;

    VendorEmailDelivery(VendorClients clients) {
        this.client = clients.client(VendorId.EMAIL);
    }

    @Override
    public VendorResult<EmailSent> send(Email email, IdempotencyKey key) {
        ObjectNode body = client.newObject();
        body.put("to", email.to());
        body.put("subject", email.subject());
        body.put("text", email.text());
        return client.postJson("send", PATH, CallKind.SIDE_EFFECT, key, body, VendorEmailDelivery::interpret);
    }

    enum Status {
        QUEUED, DUPLICATE, UNDELIVERABLE
    }

    static VendorResult<EmailSent> interpret(JsonNode reply) {
        return switch (ReplyInterpreter.oneOf(reply, "status", Status.class)) {
            case QUEUED -> VendorResult.pass(new EmailSent(ReplyInterpreter.text(reply, "messageId"), false));
            case DUPLICATE -> VendorResult.pass(new EmailSent(ReplyInterpreter.text(reply, "messageId"), true));
            case UNDELIVERABLE -> VendorResult.fail(EmailFailure.UNDELIVERABLE);
        };
    }
}
