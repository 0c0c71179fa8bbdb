package io.proofline.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The wizard's address as people reach it ({@code proofline.web.public-url}), for links that leave the service (an
 * email's). Never taken from a request's Host header, which the sender of a request chooses. Blank (the embedded
 * default): this machine's own port.
 */
@Component
public class PublicAddress {

    private final String configured;
    private final Environment environment;

    PublicAddress(@Value("${proofline.web.public-url:}") String configured, Environment environment) {
        this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
        this.environment = environment;
    }

    /** {@code path} (starting with /) under the public address. */
    public String of(String path) {
        return base() + path;
    }

    private String base() {
        if (!configured.isEmpty()) {
            return configured;
        }
        // The port the server was given, known once it listens (a random one in tests).
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
