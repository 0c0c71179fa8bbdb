package io.proofline.crypto;

import java.util.Optional;

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

    /**
     * The ciphertext sealed again under the newest attribute key, or empty when it already is: what a
     * {@link SealedAttributes} store writes back so that an old key can be retired.
     */
    public Optional<String> reEncrypt(String sealed, String context) {
        return key.resealed(sealed, context);
    }
}
