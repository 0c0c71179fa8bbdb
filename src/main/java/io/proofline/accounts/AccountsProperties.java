package io.proofline.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code proofline.accounts}; the defaults are in application.yml.
 *
 * @param sessionTtl        how long a sign-in lasts
 * @param minPasswordLength the shortest password accepted (NIST SP 800-63B allows 8; Login.gov asks 12)
 * @param emailLinkValidity how long a link sent by email works (NIST SP 800-63A-4 §3.8: at most 24 hours by email)
 * @param rememberBrowser   how long "Remember this browser" skips the second step ({@link RememberedBrowsers})
 */
@ConfigurationProperties("proofline.accounts")
public record AccountsProperties(Duration sessionTtl, Integer minPasswordLength, Duration emailLinkValidity,
        Duration rememberBrowser) {
}
