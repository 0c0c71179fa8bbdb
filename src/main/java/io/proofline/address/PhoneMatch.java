package io.proofline.address;

/** The phone is the person's; its line type decides whether an SMS can reach it. */
record PhoneMatch(LineType lineType) {

    public enum LineType {
        MOBILE, LANDLINE, VOIP, UNKNOWN
    }
}
