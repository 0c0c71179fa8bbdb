package io.proofline.address;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.proofline.accounts.PhoneCodeSender;
import io.proofline.vendors.IdempotencyKey;
import io.proofline.vendors.VendorResult;

/** A phone method's sign-in code, sent through the same telephony port as the proofing's one-time code. */
@Component
class AccountPhoneCodes implements PhoneCodeSender {

    private static final Logger log = LoggerFactory.getLogger(AccountPhoneCodes.class);

    private final OneTimeCodeDelivery delivery;

    AccountPhoneCodes(OneTimeCodeDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public boolean send(String phone, Channel channel, String code, String key) {
        VendorResult<CodeDelivery> sent = delivery.deliver(new CodeDeliveryRequest(channel == Channel.VOICE
                ? CodeDeliveryRequest.Channel.VOICE : CodeDeliveryRequest.Channel.SMS, phone, code),
                new IdempotencyKey(key));
        if (!sent.isPass()) {
            log.info("A sign-in code by {} was not sent ({})", channel, sent.outcome());
        }
        return sent.isPass();
    }
}
