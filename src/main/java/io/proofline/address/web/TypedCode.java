package io.proofline.address.web;

/**
 * A code the person typed (one-time or from a letter), and at the one-time code page which way forward they chose
 * ({@code CODE} when they typed one).
 */
record TypedCode(String code, String choice) {

    TypedCode {
        code = code == null ? "" : code.strip();
        choice = choice == null ? "CODE" : choice;
    }
}
