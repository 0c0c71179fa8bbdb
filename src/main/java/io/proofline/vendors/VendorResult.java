package io.proofline.vendors;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import io.proofline.journey.FailureReason;

/**
 * What every adapter returns. Three cases, never confused:
 * <ul>
 * <li>{@link Passed}: the vendor checked and said yes;</li>
 * <li>{@link Failed}: the vendor checked and said no, with reasons the user can act on (counts
 * against the user's attempts);</li>
 * <li>{@link VendorError}: no usable answer (timeout, 5xx, malformed reply, open circuit, outage);
 * never the user's fault and never counted against them.</li>
 * </ul>
 * Values may hold personal data; their {@code toString} prints none.
 */
public sealed interface VendorResult<T> permits VendorResult.Passed, VendorResult.Failed, VendorResult.VendorError {

    Outcome outcome();

    /** The outcome as a process variable or metric tag would carry it. */
    enum Outcome {
        PASS, FAIL, VENDOR_ERROR;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Passed<T>(T value) implements VendorResult<T> {
        public Passed {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Outcome outcome() {
            return Outcome.PASS;
        }
    }

    /** @param detail what the vendor did report, when useful (may be null) */
    record Failed<T>(List<FailureReason> reasons, T detail) implements VendorResult<T> {
        public Failed {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("A failure needs at least one reason");
            }
        }

        @Override
        public Outcome outcome() {
            return Outcome.FAIL;
        }
    }

    record VendorError<T>(VendorId vendor, VendorErrorKind kind) implements VendorResult<T> {
        public VendorError {
            Objects.requireNonNull(vendor, "vendor");
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public Outcome outcome() {
            return Outcome.VENDOR_ERROR;
        }
    }

    static <T> VendorResult<T> pass(T value) {
        return new Passed<>(value);
    }

    static <T> VendorResult<T> fail(T detail, List<? extends FailureReason> reasons) {
        return new Failed<>(List.copyOf(reasons), detail);
    }

    static <T> VendorResult<T> fail(FailureReason... reasons) {
        return new Failed<>(List.of(reasons), null);
    }

    static <T> VendorResult<T> error(VendorId vendor, VendorErrorKind kind) {
        return new VendorError<>(vendor, kind);
    }

    default boolean isPass() {
        return outcome() == Outcome.PASS;
    }

    default boolean isFail() {
        return outcome() == Outcome.FAIL;
    }

    default boolean isVendorError() {
        return outcome() == Outcome.VENDOR_ERROR;
    }

    /** Reason codes of a failure; empty otherwise. */
    default List<String> reasonCodes() {
        return this instanceof Failed<T> failed ? failed.reasons().stream().map(FailureReason::code).toList() : List.of();
    }

    default <U> VendorResult<U> map(Function<? super T, ? extends U> mapper) {
        if (this instanceof Passed<T> passed) {
            return new Passed<>(mapper.apply(passed.value()));
        }
        if (this instanceof Failed<T> failed) {
            return new Failed<>(failed.reasons(), failed.detail() == null ? null : mapper.apply(failed.detail()));
        }
        VendorError<T> error = (VendorError<T>) this;
        return new VendorError<>(error.vendor(), error.kind());
    }
}
