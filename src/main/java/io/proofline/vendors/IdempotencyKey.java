package io.proofline.vendors;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Sent as the {@code Idempotency-Key} header of every vendor request. Built from the journey id and
 * the step, so an engine job that runs twice (jobs run at least once) asks the vendor for the same
 * thing twice under one key. A new attempt by the user (new images, a corrected SSN) is a new step
 * value: include the attempt number, or the vendor may hand back the earlier answer.
 * Carries nothing personal: journey ids are opaque.
 */
public record IdempotencyKey(String value) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (!SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("An idempotency key is 1-200 characters of [A-Za-z0-9._:-]");
        }
    }

    public static IdempotencyKey of(String journeyId, String step) {
        return new IdempotencyKey(journeyId + ":" + step);
    }

    public static IdempotencyKey of(String journeyId, String step, int attempt) {
        return new IdempotencyKey(journeyId + ":" + step + ":" + attempt);
    }

    @Override
    public String toString() {
        return value;
    }
}
