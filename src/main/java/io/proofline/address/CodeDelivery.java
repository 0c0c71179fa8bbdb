package io.proofline.address;

/**
 * @param messageId the vendor's id for the message
 * @param duplicate the vendor had already accepted a message under this key and sent nothing new
 */
record CodeDelivery(String messageId, boolean duplicate) {
}
