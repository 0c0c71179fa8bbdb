package io.proofline.pivcac;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where PIV/CAC trust comes from: the configured anchors and CRLs; in the embedded default without
 * any, a development CA made in the data folder ({@link DevPivCa}); otherwise none, and every card is refused.
 * And the card-reader port ({@link CardReaderPort}): open with the configured TLS identity, or in the embedded
 * default with the development one; closed otherwise, and the wizard then offers the other ways to verify.
 */
@Configuration(proxyBeanMethods = false)
class PivCacConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PivCacConfiguration.class);

    private final boolean embeddedDefault;
    private final Path dataDir;
    private final Clock clock;
    private DevPivCa.Material development;

    PivCacConfiguration(@Value("${proofline.vendor-stubs.embedded:false}") boolean embeddedDefault,
            @Value("${proofline.data-dir:./data}") String dataDir, Clock clock) {
        this.embeddedDefault = embeddedDefault;
        this.dataDir = Path.of(dataDir);
        this.clock = clock;
    }

    @Bean
    TrustMaterialFiles pivCacTrustMaterial(@Value("${proofline.vendors.pivcac.trust-anchors:}") String anchors,
            @Value("${proofline.vendors.pivcac.crls:}") List<String> crls) {
        if (!anchors.isBlank()) {
            return new TrustMaterialFiles(Path.of(anchors), crls.stream().filter(c -> !c.isBlank()).map(Path::of).toList());
        }
        if (embeddedDefault) {
            DevPivCa.Material dev = development();
            log.warn("PIV/CAC: no trust anchors configured; trusting the DEVELOPMENT CA in {} (test material, embedded default only)",
                    dev.anchors().getParent().toAbsolutePath().normalize());
            return new TrustMaterialFiles(dev.anchors(), List.of(dev.crl()));
        }
        log.warn("PIV/CAC: no trust anchors configured (proofline.vendors.pivcac.trust-anchors): every card is refused");
        return new TrustMaterialFiles(null, List.of());
    }

    @Bean
    CardReaderPort cardReaderPort(@Value("${proofline.card-reader.port:8443}") int port,
            @Value("${proofline.card-reader.key-store:}") String keyStore,
            @Value("${proofline.card-reader.key-store-password:}") String keyStorePassword) {
        if (port < 0) {
            log.info("PIV/CAC card-reader port: closed (proofline.card-reader.port is negative)");
            return CardReaderPort.closed();
        }
        if (!keyStore.isBlank()) {
            return CardReaderPort.open(port, Path.of(keyStore), keyStorePassword);
        }
        if (embeddedDefault) {
            log.warn("PIV/CAC card-reader port {}: using the DEVELOPMENT TLS identity for localhost (test material)", port);
            return CardReaderPort.open(port, development().server(), DevPivCa.PASSWORD);
        }
        log.warn("PIV/CAC card-reader port: closed, no TLS identity configured (proofline.card-reader.key-store); "
                + "card holders are offered the other ways to verify");
        return CardReaderPort.closed();
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> cardReaderConnector(CardReaderPort port) {
        return factory -> port.connector().ifPresent(factory::addAdditionalTomcatConnectors);
    }

    private synchronized DevPivCa.Material development() {
        if (development == null) {
            development = DevPivCa.ensure(dataDir, clock);
        }
        return development;
    }
}
