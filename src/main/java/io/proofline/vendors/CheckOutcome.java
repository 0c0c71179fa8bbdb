package io.proofline.vendors;

import java.util.List;

import io.proofline.journey.FailureReason;

/**
 * The result of one proofing check as the journey needs it: the outcome and the reason codes, nothing
 * personal. Safe for process variables, logs and metrics.
 */
public record CheckOutcome(VendorResult.Outcome outcome, List<String> reasons) {

    public CheckOutcome {
        reasons = List.copyOf(reasons);
    }

    public static CheckOutcome of(VendorResult<?> result) {
        if (result instanceof VendorResult.Failed<?> failed) {
            return fail(failed.reasons().stream().map(FailureReason::code).toList());
        }
        if (result instanceof VendorResult.VendorError<?> error) {
            return vendorError(error.kind().name());
        }
        return pass();
    }

    public static CheckOutcome pass() {
        return new CheckOutcome(VendorResult.Outcome.PASS, List.of());
    }

    public static CheckOutcome fail(List<String> reasons) {
        return new CheckOutcome(VendorResult.Outcome.FAIL, reasons);
    }

    public static CheckOutcome fail(String reason) {
        return fail(List.of(reason));
    }

    public static CheckOutcome vendorError(String kind) {
        return new CheckOutcome(VendorResult.Outcome.VENDOR_ERROR, List.of(kind));
    }

    public boolean passed() {
        return outcome == VendorResult.Outcome.PASS;
    }
}
