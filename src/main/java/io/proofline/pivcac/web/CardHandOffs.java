package io.proofline.pivcac.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.proofline.crypto.SessionEncryptor;
import io.proofline.journey.JourneyId;
import io.proofline.pivcac.CardReaderPort;
import io.proofline.vault.PiiVault;


/**
 * The link from the wizard to the card-reader port, which is another origin (in production another host)
 * and so never sees the wizard's session cookie. The link carries a token sealed with the session key: the
 * journey, where to return, an expiry, and a nonce that the journey's vault also holds until the link is
 * used, so a link works once and only for a few minutes (Login.gov's PKI hand-off lives 5 minutes).
 */
@Component
public class CardHandOffs {

    private static final String CONTEXT = "card-hand-off";
    private static final int NONCE_BYTES = 16;

    private final SessionEncryptor sealer;
    private final PiiVault vault;
    private final CardReaderPort port;
    private final Clock clock;
    private final CardReaderLinks links;
    private final SecureRandom random = new SecureRandom();
    /** The wizard's own port, once the server listens (the fallback of an unconfigured public address). */
    private volatile int wizardPort = -1;

    CardHandOffs(SessionEncryptor sealer, PiiVault vault, CardReaderPort port, Clock clock, CardReaderLinks links) {
        this.sealer = sealer;
        this.vault = vault;
        this.port = port;
        this.clock = clock;
        this.links = links;
    }

    /** Where a link leads back to, and for which journey. */
    record HandOff(JourneyId journey, String returnTo, Instant expiresAt, byte[] nonce) {
    }

    @EventListener
    void listening(WebServerInitializedEvent started) {
        wizardPort = started.getWebServer().getPort();
    }

    /** Whether cards can be read here: the card-reader port is open and listening. */
    public boolean available() {
        return port.isOpen() && port.localPort() > 0;
    }

    /**
     * A new link to the card-reader port for this journey; only the newest link made for a journey works. Empty when
     * the port is closed. Both addresses come from configuration, never from the request (a forged Host header made
     * a link to another site).
     */
    Optional<String> link(JourneyId journey) {
        if (!available()) {
            return Optional.empty();
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        vault.attach(journey, PiiVault.Attachment.CARD_HAND_OFF, nonce);
        String returnTo = links.wizard(wizardPort);
        String token = sealer.encrypt(String.join("\n", journey.toString(),
                Long.toString(clock.instant().plus(links.handOffValidity()).getEpochSecond()),
                Base64.getEncoder().encodeToString(nonce), returnTo).getBytes(StandardCharsets.UTF_8), CONTEXT);
        return Optional.of(links.cardReader(port.localPort()) + CardReaderPort.PATH_PREFIX + "present?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** What a link's token says, if it is one of ours (not yet whether it may still be used: see {@link #claim}). */
    Optional<HandOff> open(String token) {
        try {
            String[] parts = new String(sealer.decrypt(token, CONTEXT), StandardCharsets.UTF_8).split("\n", 4);
            return Optional.of(new HandOff(JourneyId.parse(parts[0]), parts[3],
                    Instant.ofEpochSecond(Long.parseLong(parts[1])), Base64.getDecoder().decode(parts[2])));
        } catch (RuntimeException notOurs) {
            return Optional.empty();
        }
    }

    /** Uses the link up: true when it has not expired and is the journey's newest, unused one. */
    boolean claim(HandOff handOff) {
        if (!clock.instant().isBefore(handOff.expiresAt())) {
            return false;
        }
        Optional<byte[]> expected = vault.attachment(handOff.journey(), PiiVault.Attachment.CARD_HAND_OFF);
        if (expected.isEmpty() || !MessageDigest.isEqual(expected.get(), handOff.nonce())) {
            return false;
        }
        vault.detach(handOff.journey(), PiiVault.Attachment.CARD_HAND_OFF);
        return true;
    }
}
