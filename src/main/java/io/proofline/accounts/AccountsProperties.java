package io.proofline.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sessionTtl        how long a sign-in lasts
 * @param minPasswordLength the shortest password accepted (NIST SP 800-63B allows 8; Login.gov asks 12)
 */
@ConfigurationProperties("proofline.accounts")
public record AccountsProperties(@DefaultValue("PT15M") Duration sessionTtl, @DefaultValue("12") int minPasswordLength) {
}
