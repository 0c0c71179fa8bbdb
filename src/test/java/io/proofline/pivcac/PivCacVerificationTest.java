package io.proofline.pivcac;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.proofline.vendors.InMemoryVendorStatus;
import io.proofline.vendors.VendorErrorKind;
import io.proofline.vendors.VendorId;
import io.proofline.vendors.VendorMetrics;
import io.proofline.vendors.VendorResult;
import io.proofline.vendors.VendorState;

/** PIV/CAC path validation on a PKI generated at test time. */
class PivCacVerificationTest {

    static final Instant NOW = Instant.now();
    static TestPki federal;
    static TestPki rogue;
    static X509Certificate revoked;
    static X509CRL currentCrl;

    final InMemoryVendorStatus status = new InMemoryVendorStatus();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void pki() throws Exception {
        federal = TestPki.ca("Test Federal Common Policy CA", NOW);
        rogue = TestPki.ca("Test Rogue CA", NOW);
        revoked = federal.holder("CN=Revoked Holder").issue();
        currentCrl = federal.crl(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)), revoked);
    }

    PivCacVerification verifier(X509CRL... crls) {
        return new PkixPivCacVerification(() -> Set.of(new TrustAnchor(federal.certificate, null)), () -> List.of(crls),
                Clock.fixed(NOW, ZoneOffset.UTC), status, new VendorMetrics(meters));
    }

    @Test
    void aValidPivAuthenticationCertificatePassesWithTheHoldersName() throws Exception {
        X509Certificate card = federal.holder("CN=Fakey McFakerson, GIVENNAME=Fakey, SURNAME=McFakerson, O=U.S. Government, C=US").issue();

        VendorResult<PivCacHolder> result = verifier(currentCrl).validate(List.of(card));

        assertThat(result).isEqualTo(VendorResult.pass(new PivCacHolder("Fakey", "McFakerson")));
        assertThat(meters.find(VendorMetrics.OUTCOMES).tags("vendor", "pivcac", "outcome", "pass").counter().count()).isEqualTo(1);
    }

    @Test
    void aCacCommonNameGivesFirstAndLastName() throws Exception {
        X509Certificate card = federal.holder("CN=MCFAKERSON.FAKEY.Q.1234567890, OU=DoD, O=U.S. Government, C=US").issue();

        assertThat(verifier(currentCrl).validate(List.of(card))).isEqualTo(VendorResult.pass(new PivCacHolder("FAKEY", "MCFAKERSON")));
    }

    @Test
    void thePivAuthenticationPolicyWithoutExtendedKeyUsagePasses() throws Exception {
        X509Certificate card = federal.holder("CN=Fakey McFakerson").extendedKeyUsage()
                .policy(PkixPivCacVerification.PIV_AUTH_POLICY).issue();

        assertThat(verifier(currentCrl).validate(List.of(card)).isPass()).isTrue();
    }

    @Test
    void anExpiredCertificateFails() throws Exception {
        X509Certificate card = federal.holder("CN=Fakey McFakerson")
                .valid(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1))).issue();

        assertThat(verifier(currentCrl).validate(List.of(card)).reasonCodes()).containsExactly("CERTIFICATE_EXPIRED");
    }

    @Test
    void aRevokedCertificateFails() {
        assertThat(verifier(currentCrl).validate(List.of(revoked)).reasonCodes()).containsExactly("CERTIFICATE_REVOKED");
    }

    @Test
    void aCertificateFromAnUntrustedIssuerFails() throws Exception {
        X509Certificate card = rogue.holder("CN=Fakey McFakerson").issue();

        assertThat(verifier(currentCrl).validate(List.of(card)).reasonCodes()).containsExactly("UNTRUSTED_ISSUER");
    }

    @Test
    void certificatesNotMeantForAuthenticationFail() throws Exception {
        X509Certificate encryption = federal.holder("CN=Fakey McFakerson").keyUsage(KeyUsage.keyEncipherment).issue();
        X509Certificate mailSigning = federal.holder("CN=Fakey McFakerson")
                .extendedKeyUsage(KeyPurposeId.id_kp_emailProtection).policy(PkixPivCacVerification.PIV_AUTH_POLICY).issue();
        X509Certificate noPurpose = federal.holder("CN=Fakey McFakerson").extendedKeyUsage().issue();

        assertThat(verifier(currentCrl).validate(List.of(encryption)).reasonCodes()).containsExactly("WRONG_KEY_USAGE");
        assertThat(verifier(currentCrl).validate(List.of(mailSigning)).reasonCodes()).containsExactly("WRONG_KEY_USAGE");
        assertThat(verifier(currentCrl).validate(List.of(noPurpose)).reasonCodes()).containsExactly("WRONG_KEY_USAGE");
    }

    @Test
    void withoutACurrentCrlRevocationCannotBeCheckedWhichIsNotThePersonsFault() throws Exception {
        X509Certificate card = federal.holder("CN=Fakey McFakerson").issue();
        X509CRL stale = federal.crl(NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(3)));

        assertThat(verifier().validate(List.of(card))).isEqualTo(VendorResult.error(VendorId.PIV_CAC, VendorErrorKind.UNAVAILABLE));
        assertThat(verifier(stale).validate(List.of(card))).isEqualTo(VendorResult.error(VendorId.PIV_CAC, VendorErrorKind.UNAVAILABLE));
    }

    @Test
    void anOutageSwitchStopsValidation() throws Exception {
        status.set(VendorId.PIV_CAC, VendorState.OUTAGE);

        assertThat(verifier(currentCrl).validate(List.of(federal.holder("CN=Fakey McFakerson").issue())))
                .isEqualTo(VendorResult.error(VendorId.PIV_CAC, VendorErrorKind.OUTAGE));
    }

    @Test
    void trustAnchorsAndCrlsAreReadFromPemFiles(@TempDir Path dir) throws Exception {
        Path anchors = Files.writeString(dir.resolve("anchors.pem"), TestPki.pem(federal.certificate));
        Path crl = Files.writeString(dir.resolve("federal.crl.pem"), TestPki.pem(currentCrl));
        PivCacVerification fromFiles = new PkixPivCacVerification(anchors.toString(), List.of(crl.toString()),
                Clock.fixed(NOW, ZoneOffset.UTC), status, new VendorMetrics(meters));

        assertThat(fromFiles.validate(List.of(federal.holder("CN=Fakey McFakerson").issue())).isPass()).isTrue();
        assertThat(fromFiles.validate(List.of(revoked)).reasonCodes()).containsExactly("CERTIFICATE_REVOKED");
    }

    @Test
    void withoutConfiguredAnchorsEveryCardIsRefused() throws Exception {
        PivCacVerification unconfigured = new PkixPivCacVerification("", List.of(), Clock.fixed(NOW, ZoneOffset.UTC),
                status, new VendorMetrics(meters));

        assertThat(unconfigured.validate(List.of(federal.holder("CN=Fakey McFakerson").issue())).reasonCodes())
                .containsExactly("UNTRUSTED_ISSUER");
    }

    @Test
    void theHolderPrintsNoName() {
        assertThat(new PivCacHolder("Fakey", "McFakerson").toString()).doesNotContain("Fakey", "McFakerson");
    }
}
