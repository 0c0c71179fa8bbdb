package io.proofline.address;

import java.util.Objects;

/** The phone is personal data and the code a secret: {@code toString} prints neither. */
public record CodeDeliveryRequest(Channel channel, String phone, String code) {

    public enum Channel {
        SMS, VOICE
    }

    public CodeDeliveryRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
        return "CodeDeliveryRequest[channel=" + channel + ", redacted]";
    }
}
