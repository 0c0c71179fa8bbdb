package io.proofline.address;

final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** E.164 for a U.S. number typed any way ("(703) 555-5555", "+1 703..."); other input passes as typed digits. */
    static String e164(String typed) {
        String digits = typed.replaceAll("[^0-9]", "");
        if (digits.length() == 10) {
            return "+1" + digits;
        }
        return "+" + digits;
    }
}
