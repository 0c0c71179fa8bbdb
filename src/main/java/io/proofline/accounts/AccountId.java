package io.proofline.accounts;

import java.util.Objects;
import java.util.UUID;

/** An opaque account id; safe for logs, process variables and throttle subjects. */
public record AccountId(UUID value) implements java.io.Serializable {

    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    public static AccountId parse(String text) {
        return new AccountId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
