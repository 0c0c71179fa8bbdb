package io.proofline.pivcac;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway PKI made at test time with Bouncy Castle: a CA, certificates with chosen defects, and
 * a CRL. Nothing here is a real key; nothing is written to the repository.
 */
final class TestPki {

    private static final AtomicLong SERIALS = new AtomicLong(1000);

    final String name;
    final KeyPair keys;
    final X509Certificate certificate;

    private TestPki(String name, KeyPair keys, X509Certificate certificate) {
        this.name = name;
        this.keys = keys;
        this.certificate = certificate;
    }

    static TestPki ca(String commonName, Instant now) throws Exception {
        KeyPair keys = keyPair();
        X500Name subject = new X500Name("CN=" + commonName + ", OU=Test Only, O=Proofline Test PKI, C=US");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(now.minus(Duration.ofDays(365))), Date.from(now.plus(Duration.ofDays(3650))), subject, keys.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
        return new TestPki(commonName, keys, sign(builder, keys));
    }

    /** A certificate request for a card holder; defaults: valid for a year, PIV authentication usage. */
    Holder holder(String subject) {
        return new Holder(this, subject);
    }

    static final class Holder {
        private final TestPki issuer;
        private final String subject;
        Instant notBefore = Instant.now().minus(Duration.ofDays(30));
        Instant notAfter = Instant.now().plus(Duration.ofDays(365));
        int keyUsage = KeyUsage.digitalSignature;
        KeyPurposeId[] extendedKeyUsage = { KeyPurposeId.id_kp_clientAuth };
        String policy;

        Holder(TestPki issuer, String subject) {
            this.issuer = issuer;
            this.subject = subject;
        }

        Holder valid(Instant from, Instant to) {
            notBefore = from;
            notAfter = to;
            return this;
        }

        Holder keyUsage(int bits) {
            keyUsage = bits;
            return this;
        }

        Holder extendedKeyUsage(KeyPurposeId... purposes) {
            extendedKeyUsage = purposes;
            return this;
        }

        Holder policy(String oid) {
            policy = oid;
            return this;
        }

        X509Certificate issue() throws Exception {
            KeyPair keys = keyPair();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate, serial(),
                    Date.from(notBefore), Date.from(notAfter), new X500Name(subject), keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            if (extendedKeyUsage.length > 0) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(extendedKeyUsage));
            }
            if (policy != null) {
                builder.addExtension(Extension.certificatePolicies, false,
                        new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(policy))));
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer.certificate));
            return sign(builder, issuer.keys);
        }
    }

    /** A CRL from this CA listing {@code revoked}, current from {@code thisUpdate} to {@code nextUpdate}. */
    X509CRL crl(Instant thisUpdate, Instant nextUpdate, X509Certificate... revoked) throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (X509Certificate certificate : revoked) {
            builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
        }
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
        return new JcaX509CRLConverter().getCRL(builder.build(signer));
    }

    static String pem(Object... objects) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        }
        return out.toString();
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair signer) throws Exception {
        ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }
}
