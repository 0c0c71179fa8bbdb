package io.proofline.address;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.proofline.vendors.CallKind;
import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.MalformedReplyException;
import io.proofline.vendors.ReplyInterpreter;
import io.proofline.vendors.VendorClient;
import io.proofline.vendors.VendorClients;
import io.proofline.vendors.VendorId;
import io.proofline.vendors.VendorResult;

/** {@code POST /phone/v1/verify}: a lookup, so retried under the same key. */
@Component
class VendorPhoneRecords implements PhoneRecords {

    static final String PATH = "/phone/v1/verify";

    private final VendorClient client;

    VendorPhoneRecords(VendorClients clients) {
        this.client = clients.client(VendorId.PHONE_RECORDS);
    }

    @Override
    public VendorResult<PhoneMatch> check(PhoneRecordRequest request, IdempotencyKey key) {
        ObjectNode body = client.newObject();
        body.put("phone", PhoneNumbers.e164(request.phone()));
        body.put("firstName", request.firstName());
        body.put("lastName", request.lastName());
        body.put("dateOfBirth", request.dateOfBirth() == null ? null : request.dateOfBirth().toString());
        body.put("ssn", request.ssn().replaceAll("[^0-9]", ""));
        request.address().writeTo(body.putObject("address"));
        return client.postJson("verify", PATH, CallKind.IDEMPOTENT, key, body, VendorPhoneRecords::interpret);
    }

    enum Result {
        MATCH, NO_MATCH, NOT_US
    }

    static VendorResult<PhoneMatch> interpret(JsonNode reply) {
        return switch (ReplyInterpreter.oneOf(reply, "result", Result.class)) {
            case MATCH -> VendorResult.pass(new PhoneMatch(lineType(reply)));
            case NO_MATCH -> VendorResult.fail(AddressFailure.PHONE_NOT_TIED_TO_PERSON);
            case NOT_US -> VendorResult.fail(AddressFailure.NOT_A_US_NUMBER);
        };
    }

    private static PhoneMatch.LineType lineType(JsonNode reply) {
        if (!reply.has("lineType")) {
            return PhoneMatch.LineType.UNKNOWN;
        }
        try {
            return PhoneMatch.LineType.valueOf(reply.path("lineType").asText());
        } catch (IllegalArgumentException e) {
            throw new MalformedReplyException("unknown value in field 'lineType'");
        }
    }
}
