package io.proofline.accounts;

/**
 * Sends a phone method's one-time code by text message or voice call. The port the accounts need; the telephony
 * adapter of the address module implements it ({@code io.proofline.address.AccountPhoneCodes}), so that the accounts
 * depend on no vendor (the address module already depends on the accounts).
 */
public interface PhoneCodeSender {

    enum Channel {
        SMS, VOICE
    }

    /**
     * @param phone the number as stored (E.164, {@code +1} and ten digits)
     * @param key   the send's idempotency key: a new one for each code
     * @return whether the vendor took the message (false: undeliverable, in outage, no answer)
     */
    boolean send(String phone, Channel channel, String code, String key);
}
