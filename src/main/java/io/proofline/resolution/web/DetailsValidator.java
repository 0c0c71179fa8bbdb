package io.proofline.resolution.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import io.proofline.resolution.web.Details.Address;
import io.proofline.resolution.web.Details.PersonalDetails;
import io.proofline.resolution.web.Details.ReviewedDetails;
import io.proofline.resolution.web.Details.Ssn;
import io.proofline.web.TypedText;

/**
 * What the personal-details forms accept: a name, a real date of birth (from 1900 to today), a street and city, a
 * two-letter state, a ZIP or ZIP+4, and an SSN of nine digits. Each refusal is a message key, said in the person's
 * language next to its field.
 */
@Component
class DetailsValidator implements Validator {

    private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    /** 2026-12-01, as a date field sends it. */
    private static final int DATE_LENGTH = 10;
    /** A state, a ZIP+4 or an SSN, with room for stray spaces and dashes. */
    private static final int SHORT_FIELD = 20;

    private final Clock clock;

    DetailsValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supports(Class<?> type) {
        return type == PersonalDetails.class || type == ReviewedDetails.class || type == Ssn.class;
    }

    @Override
    public void validate(Object target, Errors errors) {
        if (target instanceof PersonalDetails details) {
            required(errors, "firstName", details.firstName(), TypedText.NAME, "verify.details.error.firstName");
            required(errors, "lastName", details.lastName(), TypedText.NAME, "verify.details.error.lastName");
            if (TypedText.fits(errors, "dateOfBirth", details.dateOfBirth(), DATE_LENGTH)) {
                dateOfBirth(errors, details.dateOfBirth());
            }
            address(errors, details.address());
            ssn(errors, details.ssn());
        } else if (target instanceof ReviewedDetails details) {
            address(errors, details.address());
            ssn(errors, details.ssn());
        } else if (target instanceof Ssn typed) {
            ssn(errors, typed.ssn());
        } else {
            throw new IllegalArgumentException("Not a details form: " + target.getClass().getSimpleName());
        }
    }

    /** The date of birth typed, once {@link #validate} has accepted it. */
    static LocalDate dateOfBirth(PersonalDetails details) {
        return LocalDate.parse(details.dateOfBirth());
    }

    private void dateOfBirth(Errors errors, String typed) {
        try {
            LocalDate date = LocalDate.parse(typed);
            if (date.isAfter(LocalDate.now(clock)) || date.isBefore(EARLIEST_BIRTH)) {
                errors.rejectValue("dateOfBirth", "verify.details.error.dateOfBirth");
            }
        } catch (DateTimeParseException notADate) {
            errors.rejectValue("dateOfBirth", "verify.details.error.dateOfBirth");
        }
    }

    private static void address(Errors errors, Address address) {
        required(errors, "street", address.street(), TypedText.STREET, "verify.details.error.street");
        required(errors, "city", address.city(), TypedText.CITY, "verify.details.error.city");
        if (TypedText.fits(errors, "state", address.state(), SHORT_FIELD) && !STATE.matcher(address.state()).matches()) {
            errors.rejectValue("state", "verify.details.error.state");
        }
        if (TypedText.fits(errors, "zip", address.zip(), SHORT_FIELD) && !ZIP.matcher(address.zip()).matches()) {
            errors.rejectValue("zip", "verify.details.error.zip");
        }
    }

    private static void ssn(Errors errors, String typed) {
        if (TypedText.fits(errors, "ssn", typed, SHORT_FIELD) && Details.normalizedSsn(typed) == null) {
            errors.rejectValue("ssn", "verify.ssn.error");
        }
    }

    private static void required(Errors errors, String field, String value, int maxLength, String missingKey) {
        if (TypedText.fits(errors, field, value, maxLength) && value.isEmpty()) {
            errors.rejectValue(field, missingKey);
        }
    }
}
