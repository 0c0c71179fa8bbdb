package io.proofline.web;

import java.util.regex.Pattern;

import org.springframework.validation.Errors;

/**
 * What every typed field must be before anything else looks at it: not longer than the field can be, and without
 * control characters, lone surrogates or private-use characters (none belongs in a name, an address or a code typed
 * on one line). A field that fails is refused with its message and goes no further: nothing oversized reaches the
 * vault, a vendor or the database.
 */
public final class TypedText {

    /** A name, on its own (Login.gov's forms take names of this length). */
    public static final int NAME = 100;
    public static final int STREET = 200;
    public static final int CITY = 100;
    /** A phone number as typed, with spaces, brackets and a country code. */
    public static final int PHONE = 30;
    /** A one-time or letter code, or a personal key, as typed (grouped with dashes or spaces). */
    public static final int CODE = 40;
    /** RFC 5321's longest address path. */
    public static final int EMAIL = 254;
    /** Far above any remembered password, far below what would make a key derivation a denial of service. */
    public static final int PASSWORD = 256;

    private static final Pattern NOT_TYPED_TEXT = Pattern.compile("[\\p{Cc}\\p{Cs}\\p{Co}]");

    private TypedText() {
    }

    /** Whether {@code value} may be looked at further; if not, {@code field} is rejected with the reason. */
    public static boolean fits(Errors errors, String field, String value, int maxLength) {
        String problem = problem(value, maxLength);
        if (problem != null) {
            errors.rejectValue(field, problem);
            return false;
        }
        return true;
    }

    /** The message key of what is wrong with {@code value}, or null when nothing is. */
    public static String problem(String value, int maxLength) {
        if (value.length() > maxLength) {
            return "form.error.tooLong";
        }
        return NOT_TYPED_TEXT.matcher(value).find() ? "form.error.characters" : null;
    }
}
