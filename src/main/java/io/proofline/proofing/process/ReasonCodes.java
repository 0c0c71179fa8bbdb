package io.proofline.proofing.process;

import java.util.Arrays;
import java.util.List;

/**
 * A failed check's reason codes in one process variable: a string, comma-separated (IMAGE_GLARE,IMAGE_BLUR), so
 * that Cockpit shows it as it is and no object serialization reaches the engine. Written and read only here; the
 * web side gets them as a list ({@code JourneyStep.Check}).
 */
final class ReasonCodes {

    private ReasonCodes() {
    }

    static String encode(List<String> codes) {
        return String.join(",", codes);
    }

    static List<String> decode(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(String::strip).filter(code -> !code.isEmpty()).toList();
    }
}
