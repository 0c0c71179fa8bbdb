package io.proofline.pivcac;

/** The card holder's name as the certificate's subject gives it. Personal data: {@code toString} prints no values. */
record PivCacHolder(String firstName, String lastName) {

    @Override
    public String toString() {
        return "PivCacHolder[redacted]";
    }
}
