package io.proofline.journey;

import java.util.Objects;
import java.util.UUID;

/** An opaque journey identifier; also the process instance's business key, so it carries nothing personal. */
public record JourneyId(UUID value) {

    public JourneyId {
        Objects.requireNonNull(value, "value");
    }

    public static JourneyId random() {
        return new JourneyId(UUID.randomUUID());
    }

    public static JourneyId parse(String text) {
        return new JourneyId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
