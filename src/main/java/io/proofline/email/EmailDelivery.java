package io.proofline.email;

import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.VendorResult;

/**
 * Sends one email. A send has an effect in the world, so the adapter never retries it by itself; a caller that sends
 * again must use the same key, and the vendor then answers "duplicate" instead of sending a second message.
 */
public interface EmailDelivery {

    VendorResult<EmailSent> send(Email email, IdempotencyKey key);
}
