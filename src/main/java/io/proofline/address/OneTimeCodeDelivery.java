package io.proofline.address;

import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.VendorResult;

/**
 * Delivers a one-time code by SMS or voice. A send has an effect in the world, so the adapter never
 * retries it by itself; a caller that sends again (an engine job that runs twice) must use the same
 * key, and the vendor then answers "duplicate" instead of sending a second message.
 */
public interface OneTimeCodeDelivery {

    VendorResult<CodeDelivery> deliver(CodeDeliveryRequest request, IdempotencyKey key);
}
