package io.proofline.crypto;

import org.springframework.stereotype.Component;

/** Encrypts what proofing collects between steps, under the shared session key, before it is stored anywhere. */
@Component
public class SessionEncryptor {

    private final ContentKey key;

    SessionEncryptor(SharedKeys keys) {
        this.key = keys.sessionKey();
    }

    public String encrypt(byte[] plaintext, String context) {
        return key.seal(plaintext, context);
    }

    public byte[] decrypt(String sealed, String context) {
        return key.open(sealed, context);
    }
}
