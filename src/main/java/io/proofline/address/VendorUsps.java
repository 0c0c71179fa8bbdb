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

@Component
class VendorUsps implements Usps {

    static final String LETTERS = "/usps/v1/letters";
    static final String ENROLLMENTS = "/usps/v1/ipp/enrollments";
    static final String RESULTS = "/usps/v1/ipp/results";

    private final VendorClient client;

    VendorUsps(VendorClients clients) {
        this.client = clients.client(VendorId.USPS);
    }

    @Override
    public VendorResult<LetterReceipt> sendLetter(LetterRequest request, IdempotencyKey key) {
        ObjectNode body = client.newObject();
        body.put("firstName", request.firstName());
        body.put("lastName", request.lastName());
        request.address().writeTo(body.putObject("address"));
        body.put("code", request.code());
        return client.postJson("letter", LETTERS, CallKind.SIDE_EFFECT, key, body, reply ->
                switch (ReplyInterpreter.oneOf(reply, "status", LetterStatus.class)) {
                    case ACCEPTED -> VendorResult.pass(new LetterReceipt(ReplyInterpreter.text(reply, "letterId"), false));
                    case DUPLICATE -> VendorResult.pass(new LetterReceipt(ReplyInterpreter.text(reply, "letterId"), true));
                    case UNDELIVERABLE_ADDRESS -> VendorResult.fail(AddressFailure.ADDRESS_UNDELIVERABLE);
                });
    }

    @Override
    public VendorResult<Enrollment> enroll(EnrollmentRequest request, IdempotencyKey key) {
        ObjectNode body = client.newObject();
        body.put("uniqueId", request.uniqueId());
        body.put("firstName", request.firstName());
        body.put("lastName", request.lastName());
        request.address().writeTo(body.putObject("address"));
        return client.postJson("enroll", ENROLLMENTS, CallKind.SIDE_EFFECT, key, body, reply ->
                switch (ReplyInterpreter.oneOf(reply, "status", EnrollStatus.class)) {
                    case ENROLLED -> VendorResult.pass(
                            new Enrollment(request.uniqueId(), ReplyInterpreter.text(reply, "enrollmentCode")));
                    case ADDRESS_NOT_VALID -> VendorResult.fail(AddressFailure.ADDRESS_NOT_VALID_FOR_IN_PERSON);
                });
    }

    @Override
    public VendorResult<EnrollmentStatus> enrollmentStatus(Enrollment enrollment, IdempotencyKey key) {
        ObjectNode body = client.newObject();
        body.put("uniqueId", enrollment.uniqueId());
        body.put("enrollmentCode", enrollment.enrollmentCode());
        return client.postJson("status", RESULTS, CallKind.IDEMPOTENT, key, body,
                VendorUsps::interpretStatus);
    }

    static VendorResult<EnrollmentStatus> interpretStatus(JsonNode reply) {
        return VendorResult.pass(ReplyInterpreter.oneOf(reply, "status", EnrollmentStatus.class));
    }

    enum LetterStatus {
        ACCEPTED, DUPLICATE, UNDELIVERABLE_ADDRESS
    }

    enum EnrollStatus {
        ENROLLED, ADDRESS_NOT_VALID
    }
}
