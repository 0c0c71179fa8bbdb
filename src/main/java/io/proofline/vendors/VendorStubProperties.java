package io.proofline.vendors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The in-process vendor stubs of the embedded default.
 *
 * @param embedded  serve {@code vendor-stubs/} from inside the service (the default run and tests)
 * @param port      port to serve on; 0 picks a free one
 * @param directory the stub folder; when it does not exist the copy packaged in the jar is served
 * @param requestJournal keep WireMock's journal of the requests received (their bodies hold PII): for tests only
 */
@ConfigurationProperties("proofline.vendor-stubs")
record VendorStubProperties(boolean embedded, int port, String directory, boolean requestJournal) {
}
