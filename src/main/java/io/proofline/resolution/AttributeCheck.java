package io.proofline.resolution;

/** What an authoritative source said about one attribute. */
enum AttributeCheck {
    VERIFIED, UNVERIFIED, NOT_CHECKED
}
