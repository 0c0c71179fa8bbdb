package io.proofline.vault;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.proofline.crypto.SessionEncryptor;

/**
 * Personal data held for a short while outside a journey, sealed with the session key like the journey's: a verified
 * profile decrypted for a signed-in session that an agency is asking about, and the attributes released to an agency
 * for one authorization. The holder and its id are the key and the encryption context, so an entry copied under
 * another id fails to open; each entry expires on its own.
 */
@Service
public class HeldPii {

    public enum Holder {
        /** A signed-in session's decrypted verified profile (the id: the session token's digest). */
        SIGNED_IN_SESSION,
        /** What an agency was given by one authorization (the id: the authorization's). */
        AGENCY_RELEASE
    }

    private final VaultStore store;
    private final SessionEncryptor encryptor;

    HeldPii(VaultStore store, SessionEncryptor encryptor) {
        this.store = store;
        this.encryptor = encryptor;
    }

    public void hold(Holder holder, String id, byte[] content, Duration ttl) {
        store.put(key(holder, id), encryptor.encrypt(content, context(holder, id)), ttl);
    }

    public Optional<byte[]> find(Holder holder, String id) {
        return store.get(key(holder, id)).map(sealed -> encryptor.decrypt(sealed, context(holder, id)));
    }

    /** Whether an entry is held, without opening it. */
    public boolean holds(Holder holder, String id) {
        return store.get(key(holder, id)).isPresent();
    }

    public void forget(Holder holder, String id) {
        store.delete(key(holder, id));
    }

    private static String key(Holder holder, String id) {
        return "held:" + holder.name().toLowerCase(Locale.ROOT) + ":" + id;
    }

    private static String context(Holder holder, String id) {
        return "vault:" + key(holder, id);
    }
}
