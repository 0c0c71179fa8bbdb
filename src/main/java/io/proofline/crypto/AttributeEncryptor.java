package io.proofline.crypto;

import org.springframework.stereotype.Component;

/**
 * Encrypts account attributes the service must read without the user's password (the email address),
 * under the shared attribute key.
 */
@Component
public class AttributeEncryptor {

    private final ContentKey key;

    AttributeEncryptor(SharedKeys keys) {
        this.key = keys.attributeKey();
    }

    public String encrypt(String plaintext, String context) {
        return key.sealText(plaintext, context);
    }

    public String decrypt(String sealed, String context) {
        return key.openText(sealed, context);
    }
}
