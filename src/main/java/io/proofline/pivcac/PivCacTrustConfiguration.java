package io.proofline.pivcac;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where PIV/CAC trust comes from: the configured anchors and CRLs; in the embedded default without
 * any, a development CA made in the data folder ({@link DevPivCa}); otherwise none, and every card is refused.
 */
@Configuration(proxyBeanMethods = false)
class PivCacTrustConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PivCacTrustConfiguration.class);

    @Bean
    TrustMaterialFiles pivCacTrustMaterial(@Value("${proofline.vendors.pivcac.trust-anchors:}") String anchors,
            @Value("${proofline.vendors.pivcac.crls:}") List<String> crls,
            @Value("${proofline.vendor-stubs.embedded:false}") boolean embeddedDefault,
            @Value("${proofline.data-dir:./data}") String dataDir, Clock clock) {
        if (!anchors.isBlank()) {
            return new TrustMaterialFiles(Path.of(anchors), crls.stream().filter(c -> !c.isBlank()).map(Path::of).toList());
        }
        if (embeddedDefault) {
            DevPivCa.Material dev = DevPivCa.ensure(Path.of(dataDir), clock);
            log.warn("PIV/CAC: no trust anchors configured; trusting the DEVELOPMENT CA in {} (test material, embedded default only)",
                    dev.anchors().getParent().toAbsolutePath().normalize());
            return new TrustMaterialFiles(dev.anchors(), List.of(dev.crl()));
        }
        log.warn("PIV/CAC: no trust anchors configured (proofline.vendors.pivcac.trust-anchors): every card is refused");
        return new TrustMaterialFiles(null, List.of());
    }
}
