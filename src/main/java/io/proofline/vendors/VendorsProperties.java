package io.proofline.vendors;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code proofline.vendors}, beside each vendor's own block ({@link VendorSettings}).
 *
 * @param baseUrl     where every vendor is reached unless its block says otherwise; blank: the embedded stubs
 * @param statusCache how long an operator's outage switch may take to reach every node
 */
@ConfigurationProperties("proofline.vendors")
record VendorsProperties(String baseUrl, Duration statusCache) {
}
