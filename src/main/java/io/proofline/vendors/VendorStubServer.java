package io.proofline.vendors;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * WireMock serving {@code vendor-stubs/} inside the service: the same mappings that the tests and the
 * WireMock container of docker compose use. Started early (before the engine's job executor can call
 * a vendor) and stopped last.
 */
@Component
@ConditionalOnProperty(name = "proofline.vendor-stubs.embedded", havingValue = "true")
public class VendorStubServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VendorStubServer.class);

    private final WireMockServer server;
    /** The packaged stubs' copy on disk, when no {@code vendor-stubs/} folder is here; removed on stop. */
    private final Path unpacked;

    VendorStubServer(VendorStubProperties properties, ObjectProvider<DevelopmentInbox> inbox) {
        WireMockConfiguration config = options().bindAddress("127.0.0.1").port(properties.port())
                .notifier(new Slf4jNotifier(false));
        if (!properties.requestJournal()) {
            config.disableRequestJournal(); // it would keep every request's body: names, SSNs, addresses
        }
        inbox.ifAvailable(developmentInbox -> config.extensions(developmentInbox.listener()));
        Path directory = Path.of(properties.directory());
        boolean ownFolder = Files.isDirectory(directory.resolve("mappings"));
        this.unpacked = ownFolder ? null : PackagedStubs.unpack();
        config.usingFilesUnderDirectory((ownFolder ? directory : unpacked).toString());
        this.server = new WireMockServer(config);
        server.start();
        log.info("Vendor stubs served in-process at {} from {}", baseUrl(),
                ownFolder ? directory.toAbsolutePath().normalize() : "the packaged vendor-stubs");
    }

    /** The stub server's base URL, e.g. {@code http://127.0.0.1:8089}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The underlying server, for tests that read its request journal (kept only when they ask for it). */
    public WireMockServer server() {
        return server;
    }

    @Override
    public void start() {
        // Started in the constructor, so adapters built after this bean see a live URL.
    }

    @Override
    public void stop() {
        server.stop();
        if (unpacked != null) {
            PackagedStubs.delete(unpacked);
        }
    }

    @Override
    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE; // stop after everything that may call a vendor
    }
}
