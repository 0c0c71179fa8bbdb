package io.proofline.address.web;

import org.springframework.validation.Errors;

import io.proofline.web.TypedText;

/**
 * A code the person typed (one-time or from a letter), and at the one-time code page which way forward they chose
 * ({@code CODE} when they typed one).
 */
record TypedCode(String code, String choice) {

    TypedCode {
        code = code == null ? "" : code.strip();
        choice = choice == null ? "CODE" : choice;
    }

    /** Whether a code was typed that may be checked; if not, {@code code} is rejected ({@code missingKey}: none typed). */
    boolean typed(Errors errors, String missingKey) {
        if (!TypedText.fits(errors, "code", code, TypedText.CODE)) {
            return false;
        }
        if (code.isEmpty()) {
            errors.rejectValue("code", missingKey);
            return false;
        }
        return true;
    }
}
