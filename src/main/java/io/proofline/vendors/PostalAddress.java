package io.proofline.vendors;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A U.S. postal address as sent to vendors. Personal data: {@code toString} prints no values. */
public record PostalAddress(String line1, String line2, String city, String state, String zip) {

    /** Writes the vendor wire form: {@code line1, line2, city, state, zip}. */
    public void writeTo(ObjectNode node) {
        node.put("line1", line1);
        node.put("line2", line2);
        node.put("city", city);
        node.put("state", state);
        node.put("zip", zip);
    }

    @Override
    public String toString() {
        return "PostalAddress[redacted]";
    }
}
