package io.proofline.vendors;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Where vendors are reached. An explicit {@code proofline.vendors.base-url} wins (the postgres
 * profile, docker compose); otherwise the embedded stub server's URL is used.
 */
@Component
public class VendorEndpoints {

    private final String baseUrl;

    VendorEndpoints(VendorsProperties properties, Optional<VendorStubServer> stubs) {
        String configured = properties.baseUrl();
        if (configured != null && !configured.isBlank()) {
            this.baseUrl = stripTrailingSlash(configured);
        } else {
            this.baseUrl = stubs.map(VendorStubServer::baseUrl).orElseThrow(() -> new IllegalStateException(
                    "No vendor base URL: set PROOFLINE_VENDOR_BASE_URL or enable proofline.vendor-stubs.embedded"));
        }
    }

    /** The base URL that vendor paths (e.g. {@code /docauth/v1/verify}) are appended to. */
    public String baseUrl() {
        return baseUrl;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
