package io.proofline.crypto;

import java.security.SecureRandom;
import java.util.Locale;

/** Issues personal keys and reads them back as people type them. */
public final class PersonalKeys {

    /** Crockford's base32: no I, L, O or U, so nothing is mistaken for 1, 0 or a word. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalKeys() {
    }

    public static PersonalKey generate() {
        StringBuilder key = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new PersonalKey(key.toString());
    }

    /** A random code of {@code length} Crockford base32 characters (one-time codes, letter codes). */
    public static String randomCode(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Uppercase, drop dashes and spaces, read I and L as 1 and O as 0. */
    public static String normalize(String typed) {
        if (typed == null) {
            return "";
        }
        return typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('I', '1').replace('L', '1').replace('O', '0');
    }
}
