package io.proofline.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** One unambiguous byte form of an encryption context, for use as AES-GCM associated data. */
final class EncryptionContexts {

    private EncryptionContexts() {
    }

    static byte[] canonical(Map<String, String> context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TreeMap<>(context).forEach((key, value) -> {
            writeLengthPrefixed(out, key);
            writeLengthPrefixed(out, value);
        });
        return out.toByteArray();
    }

    private static void writeLengthPrefixed(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }
}
