package io.proofline.vendors;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns a vendor's 2xx JSON reply into a pass or a failure; anything it cannot read is malformed. */
@FunctionalInterface
public interface ReplyInterpreter<T> {

    VendorResult<T> interpret(JsonNode reply) throws MalformedReplyException;

    /** A required text field, or a {@link MalformedReplyException} naming it. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedReplyException("missing text field '" + field + "'");
        }
        return value.asText();
    }

    /** A required enum value, matched by name. */
    static <E extends Enum<E>> E oneOf(JsonNode node, String field, Class<E> type) {
        String value = text(node, field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new MalformedReplyException("unknown value in field '" + field + "'");
        }
    }
}
