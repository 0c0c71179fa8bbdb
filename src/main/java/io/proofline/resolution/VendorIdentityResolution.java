package io.proofline.resolution;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

/** {@code POST /resolution/v1/verify}: a lookup, so retried under the same key. */
@Component
class VendorIdentityResolution implements IdentityResolution {

    static final String PATH = "/resolution/v1/verify";

    private final VendorClient client;

    VendorIdentityResolution(VendorClients clients) {
        this.client = clients.client(VendorId.IDENTITY_RESOLUTION);
    }

    @Override
    public VendorResult<ResolutionOutcome> resolve(ResolutionRequest request, IdempotencyKey key) {
        ObjectNode body = client.newObject();
        body.put("firstName", request.firstName());
        body.put("lastName", request.lastName());
        body.put("dateOfBirth", request.dateOfBirth().toString());
        body.put("ssn", request.ssnDigits());
        request.address().writeTo(body.putObject("address"));
        return client.postJson("verify", PATH, CallKind.IDEMPOTENT, key, body, VendorIdentityResolution::interpret);
    }

    static VendorResult<ResolutionOutcome> interpret(JsonNode reply) {
        JsonNode attributes = reply.path("attributes");
        Map<ResolutionAttribute, AttributeCheck> checks = new EnumMap<>(ResolutionAttribute.class);
        List<ResolutionFailure> failures = new ArrayList<>();
        for (ResolutionAttribute attribute : ResolutionAttribute.values()) {
            AttributeCheck check = ReplyInterpreter.oneOf(attributes, attribute.field, AttributeCheck.class);
            checks.put(attribute, check);
            if (check != AttributeCheck.VERIFIED) {
                failures.add(attribute.whenUnverified);
            }
        }
        JsonNode single = reply.path("singlePerson");
        if (!single.isBoolean()) {
            throw new MalformedReplyException("missing boolean field 'singlePerson'");
        }
        if (!single.booleanValue()) {
            failures.add(ResolutionFailure.NOT_A_SINGLE_PERSON);
        }
        ResolutionOutcome outcome = new ResolutionOutcome(checks, single.booleanValue());
        return failures.isEmpty() ? VendorResult.pass(outcome) : VendorResult.fail(outcome, failures);
    }
}
