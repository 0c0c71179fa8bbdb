package io.proofline.sharing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code proofline.sharing}: whom a person's consent lets us share with, and what.
 *
 * @param agency     the partner agency a consent names
 * @param attributes the verified attributes it receives
 */
@ConfigurationProperties("proofline.sharing")
record SharingProperties(String agency, List<String> attributes) {
}
