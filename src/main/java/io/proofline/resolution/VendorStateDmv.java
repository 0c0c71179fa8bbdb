package io.proofline.resolution;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

/** {@code POST /dmv/v1/verify}: a lookup, so retried under the same key. */
@Component
class VendorStateDmv implements StateDmv {

    static final String PATH = "/dmv/v1/verify";

    private final VendorClient client;

    VendorStateDmv(VendorClients clients) {
        this.client = clients.client(VendorId.STATE_DMV);
    }

    @Override
    public VendorResult<DmvOutcome> confirm(StateIdRequest request, IdempotencyKey key) {
        ObjectNode body = client.newObject();
        body.put("idNumber", request.idNumber());
        body.put("issuingState", request.issuingState());
        body.put("firstName", request.firstName());
        body.put("lastName", request.lastName());
        body.put("dateOfBirth", request.dateOfBirth().toString());
        body.put("expiry", request.expiry() == null ? null : request.expiry().toString());
        return client.postJson("verify", PATH, CallKind.IDEMPOTENT, key, body, VendorStateDmv::interpret);
    }

    static VendorResult<DmvOutcome> interpret(JsonNode reply) {
        JsonNode supported = reply.path("jurisdictionSupported");
        if (!supported.isBoolean()) {
            throw new MalformedReplyException("missing boolean field 'jurisdictionSupported'");
        }
        if (!supported.booleanValue()) {
            return VendorResult.pass(new DmvOutcome(Map.of(), false));
        }
        JsonNode attributes = reply.path("attributes");
        Map<DmvAttribute, AttributeCheck> checks = new EnumMap<>(DmvAttribute.class);
        Set<DmvFailure> failures = new LinkedHashSet<>();
        for (DmvAttribute attribute : DmvAttribute.values()) {
            AttributeCheck check = attribute.required || attributes.has(attribute.field)
                    ? ReplyInterpreter.oneOf(attributes, attribute.field, AttributeCheck.class)
                    : AttributeCheck.NOT_CHECKED;
            checks.put(attribute, check);
            boolean acceptable = check == AttributeCheck.VERIFIED || (!attribute.required && check == AttributeCheck.NOT_CHECKED);
            if (!acceptable) {
                failures.add(attribute.whenUnverified);
            }
        }
        DmvOutcome outcome = new DmvOutcome(checks, true);
        return failures.isEmpty() ? VendorResult.pass(outcome) : VendorResult.fail(outcome, List.copyOf(failures));
    }
}
