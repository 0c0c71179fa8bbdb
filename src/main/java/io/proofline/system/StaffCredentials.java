package io.proofline.system;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The staff's user names and passwords (the engine's identity store, written from configuration at start): who
 * signs in at Cockpit, at actuator's writes and at the analysts' pages, and in which roles. Staff are never the
 * people being proofed: they sign in on the management port only, with sessions of their own.
 */
public interface StaffCredentials {

    /**
     * On the staff's sign-in page when the attempt was not evaluated (too many wrong passwords from the address): the
     * {@link java.time.Instant} the next one will be. The page says it; the status is already 429.
     */
    String LOCKED_UNTIL_ATTRIBUTE = "io.proofline.staff.lockedUntil";

    /** The names Camunda's identity service accepts (its default pattern, [a-zA-Z0-9]+), at most 64 long. */
    Pattern STAFF_NAME = Pattern.compile("[a-zA-Z0-9]{1,64}");

    /** What a staff member does; each is a group of the engine's identity store. */
    enum StaffRole {
        /** Cockpit (watch, retry), incidents, vendor outage switches: {@code proofline-operators}. */
        OPERATOR,
        /** The dashboards at {@code /analytics}: {@code proofline-analysts}. */
        ANALYST,
        /** The compliance pages (to come): {@code proofline-reviewers}. */
        REVIEWER
    }

    /** The roles of the staff member with this name and password; none when either is wrong. */
    Set<StaffRole> rolesOf(String username, String password);

    default boolean isOperator(String username, String password) {
        return rolesOf(username, password).contains(StaffRole.OPERATOR);
    }

    /**
     * Whether a staff member could have this name. Camunda's identity service answers any other with an exception
     * (HTTP 500): such a name is a wrong name, and nothing is counted against a name that cannot exist.
     */
    static boolean isPossibleName(String username) {
        return username != null && STAFF_NAME.matcher(username).matches();
    }
}
