package io.proofline.pivcac;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.proofline.vendors.VendorErrorKind;
import io.proofline.vendors.VendorId;
import io.proofline.vendors.VendorMetrics;
import io.proofline.vendors.VendorResult;
import io.proofline.vendors.VendorStatus;

/**
 * JDK PKIX path validation against the configured anchors, revocation by CRL only (no OCSP, no
 * fetching from distribution points: the CRLs are configured files, refreshed by the operator), at
 * the engine clock's time. Then the usage rule of {@link PivCacVerification} and the holder's name.
 */
@Component
class PkixPivCacVerification implements PivCacVerification {

    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    static final String PIV_AUTH_POLICY = "2.16.840.1.101.3.2.1.3.13";
    private static final int DIGITAL_SIGNATURE = 0;
    /** CAC common names: LAST.FIRST.MIDDLE.EDIPI (middle may be empty). */
    private static final Pattern CAC_COMMON_NAME = Pattern.compile("^([^.]+)\\.([^.]+)\\.(?:[^.]*\\.)?\\d{10}$");

    private static final Logger log = LoggerFactory.getLogger(PkixPivCacVerification.class);

    private final Supplier<Set<TrustAnchor>> anchors;
    private final Supplier<Collection<X509CRL>> crls;
    private final Clock clock;
    private final VendorStatus status;
    private final VendorMetrics metrics;

    /** For tests: trust material from files, as configuration names them. */
    PkixPivCacVerification(String anchorsFile, List<String> crlFiles, Clock clock, VendorStatus status,
            VendorMetrics metrics) {
        this(new TrustMaterialFiles(anchorsFile.isBlank() ? null : Path.of(anchorsFile),
                crlFiles.stream().filter(f -> !f.isBlank()).map(Path::of).toList()), clock, status, metrics);
    }

    @Autowired
    PkixPivCacVerification(TrustMaterialFiles files, Clock clock, VendorStatus status, VendorMetrics metrics) {
        this(files::anchors, files::crls, clock, status, metrics);
    }

    PkixPivCacVerification(Supplier<Set<TrustAnchor>> anchors, Supplier<Collection<X509CRL>> crls, Clock clock,
            VendorStatus status, VendorMetrics metrics) {
        this.anchors = anchors;
        this.crls = crls;
        this.clock = clock;
        this.status = status;
        this.metrics = metrics;
    }

    @Override
    public VendorResult<PivCacHolder> validate(List<X509Certificate> chain) {
        long start = System.nanoTime();
        VendorResult<PivCacHolder> result = status.isOperational(VendorId.PIV_CAC) ? check(chain)
                : VendorResult.error(VendorId.PIV_CAC, VendorErrorKind.OUTAGE);
        metrics.record(VendorId.PIV_CAC, "validate", result, Duration.ofNanos(System.nanoTime() - start));
        log.info("PIV/CAC validation outcome={} reasons={} error={}", result.outcome().tag(), result.reasonCodes(),
                result instanceof VendorResult.VendorError<PivCacHolder> e ? e.kind() : "none");
        return result;
    }

    private VendorResult<PivCacHolder> check(List<X509Certificate> chain) {
        if (chain == null || chain.isEmpty()) {
            return VendorResult.fail(PivCacFailure.INVALID_CHAIN);
        }
        Set<TrustAnchor> trusted;
        Collection<X509CRL> revocationLists;
        try {
            trusted = anchors.get();
            revocationLists = crls.get();
        } catch (IllegalStateException unreadable) {
            log.error("PIV/CAC trust material unreadable: {}", unreadable.getMessage());
            return VendorResult.error(VendorId.PIV_CAC, VendorErrorKind.UNAVAILABLE);
        }
        if (trusted.isEmpty()) {
            return VendorResult.fail(PivCacFailure.UNTRUSTED_ISSUER);
        }
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
            revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                    PKIXRevocationChecker.Option.NO_FALLBACK));
            PKIXParameters parameters = new PKIXParameters(trusted);
            parameters.setDate(Date.from(clock.instant()));
            parameters.setRevocationEnabled(true);
            parameters.addCertPathChecker(revocation);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(revocationLists)));
            validator.validate(path, parameters);
        } catch (CertPathValidatorException e) {
            return refusal(e);
        } catch (GeneralSecurityException e) {
            return VendorResult.fail(PivCacFailure.INVALID_CHAIN);
        }
        X509Certificate presented = chain.get(0);
        if (!meantForAuthentication(presented)) {
            return VendorResult.fail(PivCacFailure.WRONG_KEY_USAGE);
        }
        PivCacHolder holder = holder(presented);
        return holder == null ? VendorResult.fail(PivCacFailure.NO_NAME_IN_CERTIFICATE) : VendorResult.pass(holder);
    }

    private static VendorResult<PivCacHolder> refusal(CertPathValidatorException e) {
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason == CertPathValidatorException.BasicReason.REVOKED) {
            return VendorResult.fail(PivCacFailure.CERTIFICATE_REVOKED);
        }
        if (reason == CertPathValidatorException.BasicReason.EXPIRED
                || reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return VendorResult.fail(PivCacFailure.CERTIFICATE_EXPIRED);
        }
        if (reason == PKIXReason.NO_TRUST_ANCHOR) {
            return VendorResult.fail(PivCacFailure.UNTRUSTED_ISSUER);
        }
        if (reason == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            // No current CRL for the issuer: our trust material is stale, not the person's card.
            return VendorResult.error(VendorId.PIV_CAC, VendorErrorKind.UNAVAILABLE);
        }
        return VendorResult.fail(PivCacFailure.INVALID_CHAIN);
    }

    static boolean meantForAuthentication(X509Certificate certificate) {
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage == null || !keyUsage[DIGITAL_SIGNATURE]) {
            return false;
        }
        try {
            List<String> extendedKeyUsage = certificate.getExtendedKeyUsage();
            if (extendedKeyUsage != null) {
                return extendedKeyUsage.contains(CLIENT_AUTH);
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        return policies(certificate).contains(PIV_AUTH_POLICY);
    }

    private static Set<String> policies(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue("2.5.29.32");
        if (extension == null) {
            return Set.of();
        }
        try {
            CertificatePolicies policies = CertificatePolicies.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension));
            return Arrays.stream(policies.getPolicyInformation()).map(PolicyInformation::getPolicyIdentifier)
                    .map(ASN1ObjectIdentifier::getId).collect(Collectors.toSet());
        } catch (IOException | IllegalArgumentException e) {
            return Set.of();
        }
    }

    /** Given name and surname attributes when present; otherwise from the common name (CAC or "First Last"). */
    static PivCacHolder holder(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String given = first(subject, BCStyle.GIVENNAME);
        String surname = first(subject, BCStyle.SURNAME);
        if (given != null && surname != null) {
            return new PivCacHolder(given, surname);
        }
        String commonName = first(subject, BCStyle.CN);
        if (commonName == null) {
            return null;
        }
        Matcher cac = CAC_COMMON_NAME.matcher(commonName.trim());
        if (cac.matches()) {
            return new PivCacHolder(cac.group(2), cac.group(1));
        }
        String[] words = commonName.trim().split("\\s+");
        return words.length < 2 ? null : new PivCacHolder(words[0], words[words.length - 1]);
    }

    private static String first(X500Name name, ASN1ObjectIdentifier attribute) {
        RDN[] rdns = name.getRDNs(attribute);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
