package io.proofline.address;

/** @param duplicate USPS had already accepted a letter under this key and will not print a second */
record LetterReceipt(String letterId, boolean duplicate) {
}
