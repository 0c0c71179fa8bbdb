package io.proofline.address;

import java.util.Objects;
import java.util.regex.Pattern;

/** An in-person proofing enrollment: our unique id and USPS's 16-digit code (shown as XXXX-XXXX-XXXX-XXXX). */
record Enrollment(String uniqueId, String enrollmentCode) {

    private static final Pattern SIXTEEN_DIGITS = Pattern.compile("[0-9]{16}");

    public Enrollment {
        Objects.requireNonNull(uniqueId, "uniqueId");
        if (enrollmentCode == null || !SIXTEEN_DIGITS.matcher(enrollmentCode).matches()) {
            throw new IllegalArgumentException("An enrollment code is 16 digits");
        }
    }

    public String formattedCode() {
        return String.join("-", enrollmentCode.substring(0, 4), enrollmentCode.substring(4, 8),
                enrollmentCode.substring(8, 12), enrollmentCode.substring(12));
    }

    /** The code is what the person shows at the counter: it stays out of logs. */
    @Override
    public String toString() {
        return "Enrollment[uniqueId=" + uniqueId + ", code redacted]";
    }
}
