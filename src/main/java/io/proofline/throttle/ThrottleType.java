package io.proofline.throttle;

import java.util.Objects;

/**
 * A kind of attempt that is limited. Any name configured under {@code proofline.throttle.<name>} is a
 * type, so a new one (document, resolution, phone, piv-cac, letter-code: their defaults are already in
 * application.yml) needs configuration only.
 */
public record ThrottleType(String name) {

    /** Wrong passwords for one account (or operator name) from one client: waits that grow, for that client only. */
    public static final ThrottleType SIGN_IN = new ThrottleType("sign-in");
    /** Wrong passwords for one account (or operator name) from every client together: a ceiling that only slows. */
    public static final ThrottleType SIGN_IN_ACCOUNT = new ThrottleType("sign-in-account");
    public static final ThrottleType PERSONAL_KEY = new ThrottleType("personal-key");

    public ThrottleType {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("A throttle type is a short lower-case name, like sign-in");
        }
    }

    public static ThrottleType named(String name) {
        return new ThrottleType(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
