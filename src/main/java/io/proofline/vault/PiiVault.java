package io.proofline.vault;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import io.proofline.crypto.SessionEncryptor;
import io.proofline.journey.JourneyEnded;
import io.proofline.journey.JourneyId;

/**
 * PII between proofing steps, encrypted with the shared session key before it reaches the store. The
 * journey id is the key and the encryption context, so an entry copied under another journey fails to open.
 */
@Service
public class PiiVault {

    private final VaultStore store;
    private final SessionEncryptor encryptor;
    private final VaultProperties properties;

    PiiVault(VaultStore store, SessionEncryptor encryptor, VaultProperties properties) {
        this.store = store;
        this.encryptor = encryptor;
        this.properties = properties;
    }

    /** Adds what a step collected to what the journey already holds; returns the whole. Restarts the TTL. */
    public ProofingPii merge(JourneyId journey, ProofingPii collected) {
        return update(journey, held -> held.mergedWith(collected));
    }

    /** Changes the journey's sealed details by one named update ({@code pii -> pii.withSsn(ssn)}). */
    public ProofingPii update(JourneyId journey, UnaryOperator<ProofingPii> change) {
        ProofingPii changed = change.apply(find(journey).orElseGet(ProofingPii::empty));
        store.put(journey.toString(), encryptor.encrypt(changed.toBytes(), context(journey)), properties.ttl());
        return changed;
    }

    public Optional<ProofingPii> find(JourneyId journey) {
        return store.get(journey.toString())
                .map(sealed -> ProofingPii.fromBytes(encryptor.decrypt(sealed, context(journey))));
    }

    /** Whether the journey's details are held, without opening them. */
    public boolean holds(JourneyId journey) {
        return store.get(journey.toString()).isPresent();
    }

    /** An abandoned or finished journey leaves nothing behind in the vault. */
    @EventListener
    void forget(JourneyEnded ended) {
        delete(ended.journey());
    }

    /** Deletes the journey's PII and every attachment it still has. */
    public void delete(JourneyId journey) {
        store.delete(journey.toString());
        for (Attachment attachment : Attachment.values()) {
            store.delete(attachmentKey(journey, attachment));
        }
    }

    /**
     * The profile is sealed: deletes the journey's PII and every attachment but the letter's hand-off, which the
     * letter's send deletes once USPS has it (and the journey's end, or its time to live, at the latest).
     */
    public void deleteAllButTheLetter(JourneyId journey) {
        store.delete(journey.toString());
        for (Attachment attachment : Attachment.values()) {
            if (attachment != Attachment.LETTER) {
                store.delete(attachmentKey(journey, attachment));
            }
        }
    }

    /**
     * Keeps sensitive bytes (ID images, a certificate chain, a one-time code's digest) for the short time
     * between the step that collects them and the check that uses them, sealed like the PII.
     */
    public void attach(JourneyId journey, Attachment attachment, byte[] content) {
        store.put(attachmentKey(journey, attachment), encryptor.encrypt(content, context(journey) + ":" + attachment),
                attachment == Attachment.LETTER ? properties.ttl() : properties.attachmentTtl());
    }

    public Optional<byte[]> attachment(JourneyId journey, Attachment attachment) {
        return store.get(attachmentKey(journey, attachment))
                .map(sealed -> encryptor.decrypt(sealed, context(journey) + ":" + attachment));
    }

    public void detach(JourneyId journey, Attachment attachment) {
        store.delete(attachmentKey(journey, attachment));
    }

    /**
     * What may be attached to a journey besides its PII. {@code CARD_HAND_OFF}: the one-time nonce of the link
     * from the wizard to the card-reader port, so that a link works once. {@code ACCEPTED_*}: a photo accepted
     * while another of the same upload was refused, kept for the retry until the upload is complete. {@code LETTER}:
     * the name and address of a letter to send, handed from the step that has them in the clear (the address
     * confirmed; a new letter, the password typed) to the letter's send, which deletes it; it lives as long as
     * an entry ({@code proofline.vault.ttl}).
     */
    public enum Attachment {
        DOCUMENT_IMAGES, CERTIFICATE_CHAIN, ONE_TIME_CODE, CARD_HAND_OFF, ACCEPTED_FRONT, ACCEPTED_BACK, ACCEPTED_SELFIE,
        LETTER
    }

    private static String attachmentKey(JourneyId journey, Attachment attachment) {
        return journey + ":" + attachment.name().toLowerCase(Locale.ROOT);
    }

    private static String context(JourneyId journey) {
        return "vault:" + journey;
    }
}
