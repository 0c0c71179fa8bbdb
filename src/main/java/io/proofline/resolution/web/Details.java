package io.proofline.resolution.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The personal details the person types, as the forms bind them: text as typed (trimmed; the state in capitals),
 * so that a page shown again with errors shows what was typed.
 */
final class Details {

    private static final Pattern SSN = Pattern.compile("(\\d{3})-?(\\d{2})-?(\\d{4})");

    private Details() {
    }

    /** In person and with a PIV/CAC card: everything typed, as on the ID shown at the Post Office. */
    record PersonalDetails(String firstName, String lastName, String dateOfBirth, String street, String city,
            String state, String zip, String ssn) {

        PersonalDetails {
            firstName = trimmed(firstName);
            lastName = trimmed(lastName);
            dateOfBirth = trimmed(dateOfBirth);
            street = trimmed(street);
            city = trimmed(city);
            state = trimmed(state).toUpperCase(Locale.ROOT);
            zip = trimmed(zip);
            ssn = asTyped(ssn);
        }

        Address address() {
            return new Address(street, city, state, zip);
        }
    }

    /** The review: the address and the SSN can be corrected; the name and date of birth come from the ID. */
    record ReviewedDetails(String street, String city, String state, String zip, String ssn) {

        ReviewedDetails {
            street = trimmed(street);
            city = trimmed(city);
            state = trimmed(state).toUpperCase(Locale.ROOT);
            zip = trimmed(zip);
            ssn = asTyped(ssn);
        }

        Address address() {
            return new Address(street, city, state, zip);
        }
    }

    record Ssn(String ssn) {

        Ssn {
            ssn = asTyped(ssn);
        }
    }

    record Address(String street, String city, String state, String zip) {
    }

    /** 123-45-6789 from 123456789 or 123-45-6789; null when it is not nine digits so grouped. */
    static String normalizedSsn(String typed) {
        Matcher matcher = SSN.matcher(typed.strip());
        return matcher.matches() ? matcher.group(1) + "-" + matcher.group(2) + "-" + matcher.group(3) : null;
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    private static String asTyped(String value) {
        return value == null ? "" : value;
    }
}
