package io.proofline.pivcac;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * TEST MATERIAL for the embedded default only: a development "federal" CA made on first run in the
 * data folder, with an empty CRL reissued at every start and one card holder's certificate (PKCS#12,
 * password {@value #PASSWORD}) to import into a browser for walking the PIV/CAC path by hand, and a
 * self-signed TLS identity for the card-reader port on localhost. Never
 * used when trust anchors are configured, nor outside the embedded default.
 */
final class DevPivCa {

    static final String PASSWORD = "proofline-dev";

    /**
     * @param server the card-reader port's TLS identity (self-signed for localhost), {@code serverCertificate}
     *               its certificate alone, for a browser that is to trust it
     */
    record Material(Path anchors, Path crl, Path holder, Path server, Path serverCertificate) {
    }

    private DevPivCa() {
    }

    static synchronized Material ensure(Path dataDir, Clock clock) {
        Path dir = dataDir.resolve("pivcac-dev");
        Path caStore = dir.resolve("dev-ca.p12");
        Material material = new Material(dir.resolve("dev-ca.pem"), dir.resolve("dev-ca.crl.pem"), dir.resolve("dev-holder.p12"),
                dir.resolve("dev-server.p12"), dir.resolve("dev-server.pem"));
        try {
            Files.createDirectories(dir);
            Instant now = clock.instant();
            if (!Files.exists(caStore)) {
                create(dir, caStore, material, now);
            }
            if (!Files.exists(material.server())) {
                createServerIdentity(material, now);
            }
            KeyStore ca = load(caStore);
            X509Certificate caCertificate = (X509Certificate) ca.getCertificate("ca");
            PrivateKey caKey = (PrivateKey) ca.getKey("ca", PASSWORD.toCharArray());
            X509v2CRLBuilder crl = new X509v2CRLBuilder(
                    X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()), Date.from(now.minus(Duration.ofHours(1))));
            crl.setNextUpdate(Date.from(now.plus(Duration.ofDays(365))));
            Files.writeString(material.crl(), pem(new JcaX509CRLConverter().getCRL(
                    crl.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey)))));
            return material;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot prepare the development PIV/CAC CA in " + dir, e);
        }
    }

    private static void create(Path dir, Path caStore, Material material, Instant now)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPair caKeys = keyPair();
        X500Name caName = new X500Name("CN=Proofline DEVELOPMENT PIV CA - TEST ONLY, O=Proofline, C=US");
        JcaX509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), caName, caKeys.getPublic());
        caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate caCertificate = sign(caBuilder, caKeys.getPrivate());

        KeyPair holderKeys = keyPair();
        JcaX509v3CertificateBuilder holderBuilder = new JcaX509v3CertificateBuilder(caCertificate, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(730))),
                new X500Name("CN=Fakey McFakerson, GIVENNAME=Fakey, SURNAME=McFakerson, OU=TEST ONLY, O=Proofline, C=US"),
                holderKeys.getPublic());
        holderBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        holderBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        holderBuilder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        holderBuilder.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate));
        X509Certificate holderCertificate = sign(holderBuilder, caKeys.getPrivate());

        save(material.holder(), "holder", holderKeys.getPrivate(), holderCertificate, caCertificate);
        Files.writeString(material.anchors(), pem(caCertificate));
        Files.writeString(dir.resolve("README.txt"), """
                TEST MATERIAL - NOT FOR PRODUCTION. Made by Proofline's embedded default on first run.
                dev-ca.pem       the development CA, trusted only when no PIV/CAC trust anchors are configured
                dev-ca.crl.pem   its (empty) CRL, reissued at every start
                dev-holder.p12   a card holder's certificate and key (password: proofline-dev), to import
                                 into a browser and walk the PIV/CAC path by hand
                dev-ca.p12       the CA's key (password: proofline-dev); delete this folder to start over
                dev-server.p12   the card-reader port's TLS identity for localhost, self-signed (dev-server.pem:
                                 its certificate, for a browser to trust)
                """);
        save(caStore, "ca", caKeys.getPrivate(), caCertificate);
    }

    /** Separate from the card CA: the port's identity is a web server's, not a federal issuer's. */
    private static void createServerIdentity(Material material, Instant now)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPair keys = keyPair();
        X500Name name = new X500Name("CN=localhost, OU=Proofline DEVELOPMENT card reader - TEST ONLY, O=Proofline, C=US");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(825))), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1") }));
        X509Certificate certificate = sign(builder, keys.getPrivate());
        save(material.server(), "server", keys.getPrivate(), certificate);
        Files.writeString(material.serverCertificate(), pem(certificate));
    }

    private static void save(Path path, String alias, PrivateKey key, Certificate... chain)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key, PASSWORD.toCharArray(), chain);
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }

    static KeyStore load(Path path) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE);
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
