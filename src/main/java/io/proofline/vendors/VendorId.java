package io.proofline.vendors;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Every vendor Proofline talks to. The key names its configuration ({@code proofline.vendors.<key>.*}),
 * its outage switch and its metric tag; the default timeout follows Login.gov's.
 */
public enum VendorId {
    DOCUMENT_AUTH("docauth", Duration.ofSeconds(60)),
    IDENTITY_RESOLUTION("resolution", Duration.ofSeconds(1)),
    STATE_DMV("dmv", Duration.ofSeconds(5)),
    PHONE_RECORDS("phone", Duration.ofSeconds(1)),
    SMS("sms", Duration.ofSeconds(5)),
    VOICE("voice", Duration.ofSeconds(5)),
    USPS("usps", Duration.ofSeconds(10)),
    EMAIL("email", Duration.ofSeconds(5)),
    PIV_CAC("pivcac", Duration.ofSeconds(5));

    private final String key;
    private final Duration defaultTimeout;

    VendorId(String key, Duration defaultTimeout) {
        this.key = key;
        this.defaultTimeout = defaultTimeout;
    }

    public String key() {
        return key;
    }

    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /** Accepts the key ({@code phone}) or the constant name ({@code PHONE_RECORDS}), any case. */
    public static VendorId fromKey(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(v -> v.key.equals(wanted) || v.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown vendor: " + text));
    }
}
