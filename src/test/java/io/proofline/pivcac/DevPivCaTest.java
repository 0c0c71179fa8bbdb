package io.proofline.pivcac;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.proofline.vendors.InMemoryVendorStatus;
import io.proofline.vendors.VendorMetrics;
import io.proofline.vendors.VendorResult;

/** The embedded default's development CA: made once, its CRL reissued, its holder certificate accepted. */
class DevPivCaTest {

    @Test
    void theDevelopmentHolderCertificatePassesAndTheCaSurvivesARestart(@TempDir Path dataDir) throws Exception {
        DevPivCa.Material first = DevPivCa.ensure(dataDir, Clock.systemUTC());
        String anchors = Files.readString(first.anchors());
        DevPivCa.Material second = DevPivCa.ensure(dataDir, Clock.systemUTC());

        assertThat(Files.readString(second.anchors())).as("the same CA after a restart").isEqualTo(anchors);
        assertThat(Files.readString(dataDir.resolve("pivcac-dev/README.txt"))).startsWith("TEST MATERIAL - NOT FOR PRODUCTION");
        KeyStore holder = DevPivCa.load(second.holder());
        X509Certificate card = (X509Certificate) holder.getCertificate("holder");

        PivCacVerification verifier = new PkixPivCacVerification(second.anchors().toString(), List.of(second.crl().toString()),
                Clock.systemUTC(), new InMemoryVendorStatus(), new VendorMetrics(new SimpleMeterRegistry()));

        assertThat(verifier.validate(List.of(card))).isEqualTo(VendorResult.pass(new PivCacHolder("Fakey", "McFakerson")));
    }
}
