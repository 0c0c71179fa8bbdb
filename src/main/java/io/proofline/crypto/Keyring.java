package io.proofline.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under one or more keys: the first (newest) seals, any of them opens. A sealed value of
 * version 2 is
 * <pre>
 *   2(1) | key id(4) | nonce(24) | ciphertext+tag(16)
 *   key id      = the first 4 bytes of HMAC-SHA256(key, "proofline-key-id-v1"), so the id says nothing of the key
 *   message key = HMAC-SHA256(key, "proofline-aead-v2" | nonce[0..12))      a fresh key per message
 *   GCM         = AES-256-GCM(message key, nonce[12..24), aad = version | key id | associated data)
 * </pre>
 * The extended nonce (as XAES-256-GCM does it) lifts the limit on messages per key: each message has its own
 * key, so GCM's random 96-bit nonce never has to be unique across more than one message, and the 96 random bits
 * that choose the message key allow some 2^48 messages per key before two even share a message key (NIST's
 * 2^32 for random nonces under one key does not apply, and no count has to be kept across nodes). Version 1
 * (no key id, {@link AesGcm#seal}) is what earlier releases wrote: still opened, by trying each key.
 */
final class Keyring {

    static final byte VERSION = 2;
    static final int KEY_ID_BYTES = 4;
    static final int NONCE_BYTES = 24;
    private static final int HEADER_BYTES = 1 + KEY_ID_BYTES;
    private static final byte[] KEY_ID_LABEL = "proofline-key-id-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE_KEY_LABEL = "proofline-aead-v2".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Key(byte[] id, byte[] bytes) {
    }

    private final List<Key> keys;

    /** @param keys newest first; at least one */
    Keyring(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a keyring needs a key");
        }
        List<Key> ring = new ArrayList<>();
        Set<ByteBuffer> ids = new HashSet<>();
        for (byte[] key : keys) {
            if (key.length != AesGcm.KEY_BYTES) {
                throw new IllegalArgumentException("AES-256 needs a 32-byte key");
            }
            byte[] id = keyId(key);
            if (!ids.add(ByteBuffer.wrap(id))) {
                throw new IllegalStateException("Two configured keys have the same key id: a key listed twice?");
            }
            ring.add(new Key(id, key.clone()));
        }
        this.keys = List.copyOf(ring);
    }

    byte[] seal(byte[] plaintext, byte[] aad) {
        Key key = keys.get(0);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(VERSION).put(key.id()).array();
        byte[] ciphertext = AesGcm.encrypt(messageKey(key, nonce), gcmNonce(nonce), plaintext, concat(header, aad));
        return ByteBuffer.allocate(HEADER_BYTES + NONCE_BYTES + ciphertext.length).put(header).put(nonce).put(ciphertext)
                .array();
    }

    /** @throws DecryptionFailedException for an unknown key id, a wrong key or context, or any changed byte */
    byte[] open(byte[] sealed, byte[] aad) {
        if (sealed.length > 0 && sealed[0] == AesGcm.LEGACY_VERSION) {
            return openLegacy(sealed, aad);
        }
        if (sealed.length < HEADER_BYTES + NONCE_BYTES + AesGcm.TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new DecryptionFailedException("not a sealed value", null);
        }
        byte[] id = Arrays.copyOfRange(sealed, 1, HEADER_BYTES);
        Key key = keys.stream().filter(k -> Arrays.equals(k.id(), id)).findFirst()
                .orElseThrow(() -> new DecryptionFailedException("sealed under a key that is not configured", null));
        byte[] nonce = Arrays.copyOfRange(sealed, HEADER_BYTES, HEADER_BYTES + NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(sealed, HEADER_BYTES + NONCE_BYTES, sealed.length);
        return AesGcm.decrypt(messageKey(key, nonce), gcmNonce(nonce), ciphertext,
                concat(Arrays.copyOfRange(sealed, 0, HEADER_BYTES), aad));
    }

    /** Whether the value is sealed as {@link #seal} would seal it today: version 2 under the newest key. */
    boolean isCurrent(byte[] sealed) {
        return sealed.length > HEADER_BYTES && sealed[0] == VERSION
                && Arrays.equals(Arrays.copyOfRange(sealed, 1, HEADER_BYTES), keys.get(0).id());
    }

    /** The newest key, for what must be derived from the key itself (a CEK's digest). */
    byte[] newest() {
        return keys.get(0).bytes().clone();
    }

    private byte[] openLegacy(byte[] sealed, byte[] aad) {
        DecryptionFailedException last = null;
        for (Key key : keys) {
            try {
                return AesGcm.open(key.bytes(), sealed, aad);
            } catch (DecryptionFailedException e) {
                last = e;
            }
        }
        throw last;
    }

    static byte[] keyId(byte[] key) {
        return Arrays.copyOf(hmac(key, KEY_ID_LABEL, new byte[0]), KEY_ID_BYTES);
    }

    private static byte[] messageKey(Key key, byte[] nonce) {
        return hmac(key.bytes(), MESSAGE_KEY_LABEL, Arrays.copyOfRange(nonce, 0, NONCE_BYTES - AesGcm.NONCE_BYTES));
    }

    private static byte[] gcmNonce(byte[] nonce) {
        return Arrays.copyOfRange(nonce, NONCE_BYTES - AesGcm.NONCE_BYTES, NONCE_BYTES);
    }

    static byte[] hmac(byte[] key, byte[] label, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(label);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        return ByteBuffer.allocate(first.length + second.length).put(first).put(second).array();
    }
}
