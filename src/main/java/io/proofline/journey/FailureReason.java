package io.proofline.journey;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Why a check said no, in terms the person can act on. Each feature has its own enum of reasons; the constant's
 * name is its code (safe for process variables, logs and metrics), and the advice the page shows is the message
 * {@code verify.advice.<code>} in each language's bundle, unless the enum says otherwise.
 */
public interface FailureReason {

    /** Given by every enum. */
    String name();

    default String code() {
        return name();
    }

    /** The message key of what the person can do about it. */
    default String messageKey() {
        return "verify.advice." + code();
    }

    /**
     * The advice for a failed check's reason codes, once each, in their order; codes none of {@code known} has
     * (a reason added by a vendor later) are left out rather than shown raw.
     */
    static List<String> messageKeys(Collection<String> codes, List<? extends FailureReason> known) {
        var byCode = known.stream().collect(Collectors.toMap(FailureReason::code, Function.identity(), (first, same) -> first));
        return codes.stream().map(String::strip).map(byCode::get).filter(Objects::nonNull)
                .map(FailureReason::messageKey).distinct().toList();
    }

    /** Every reason of these enums, for a step that explains them. */
    @SafeVarargs
    static List<FailureReason> all(Class<? extends FailureReason>... enums) {
        return Arrays.stream(enums).flatMap(type -> Stream.of(type.getEnumConstants())).map(FailureReason.class::cast)
                .toList();
    }
}
