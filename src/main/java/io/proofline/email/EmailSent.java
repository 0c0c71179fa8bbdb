package io.proofline.email;

/**
 * @param messageId the vendor's id for the message
 * @param duplicate the vendor had already accepted a message under this key and sent nothing new
 */
public record EmailSent(String messageId, boolean duplicate) {
}
