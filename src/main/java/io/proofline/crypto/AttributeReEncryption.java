package io.proofline.crypto;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The re-encryption that retires an old attribute key: every {@link SealedAttributes} store rewrites its
 * ciphertexts under the newest key. Runs once when the application is ready ({@code
 * proofline.crypto.re-encrypt-at-start-up}, on by default), and on demand through {@link #reEncryptAll()}. Once
 * it has run on every node's configuration, the old key can leave {@code PROOFLINE_ATTRIBUTE_OLD_KEYS}. Each
 * rewrite is a compare-and-set on the old ciphertext, so a concurrent write is never overwritten.
 */
@Component
public class AttributeReEncryption {

    private static final Logger log = LoggerFactory.getLogger(AttributeReEncryption.class);

    private final AttributeEncryptor encryptor;
    private final ObjectProvider<SealedAttributes> stores;
    private final CryptoProperties properties;

    AttributeReEncryption(AttributeEncryptor encryptor, ObjectProvider<SealedAttributes> stores,
            CryptoProperties properties) {
        this.encryptor = encryptor;
        this.stores = stores;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        if (properties.reEncryptAtStartUp()) {
            reEncryptAll();
        }
    }

    public SealedAttributes.ReEncrypted reEncryptAll() {
        List<SealedAttributes> all = stores.orderedStream().toList();
        SealedAttributes.ReEncrypted total = new SealedAttributes.ReEncrypted(0, 0, 0);
        for (SealedAttributes store : all) {
            total = total.plus(store.reEncrypt(encryptor));
        }
        log.info("Attribute re-encryption: {} ciphertexts read, {} rewritten under the newest key", total.read(),
                total.rewritten());
        if (total.unreadable() > 0) {
            log.warn("Attribute re-encryption: {} ciphertexts open under no configured attribute key (left as they "
                    + "are; was an old key dropped too early?)", total.unreadable());
        }
        return total;
    }
}
