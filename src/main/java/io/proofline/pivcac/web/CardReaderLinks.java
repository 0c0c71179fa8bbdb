package io.proofline.pivcac.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The two addresses a card hand-off joins, as configured ({@code proofline.public-url}, the wizard's;
 * {@code proofline.card-reader.public-url}, the card-reader port's), and how long a link works. Blank addresses
 * (the embedded default) mean this machine: {@code http://localhost:<port>} and {@code https://localhost:<port>}.
 */
@ConfigurationProperties("proofline.card-reader")
record CardReaderLinks(String publicUrl, String wizardUrl, Duration handOffValidity) {

    CardReaderLinks {
        publicUrl = trimmed(publicUrl);
        wizardUrl = trimmed(wizardUrl);
    }

    String wizard(int wizardPort) {
        return wizardUrl.isEmpty() ? "http://localhost:" + wizardPort : wizardUrl;
    }

    String cardReader(int cardReaderPort) {
        return publicUrl.isEmpty() ? "https://localhost:" + cardReaderPort : publicUrl;
    }

    private static String trimmed(String url) {
        return url == null ? "" : url.strip().replaceAll("/+$", "");
    }
}
