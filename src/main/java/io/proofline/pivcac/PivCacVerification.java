package io.proofline.pivcac;

import java.security.cert.X509Certificate;
import java.util.List;

import io.proofline.vendors.VendorResult;

/**
 * Validates the certificate a person presented from their PIV or CAC card.
 *
 * <p>Accepted usage: the key usage must allow {@code digitalSignature}, and the certificate must be
 * meant for authentication: either its extended key usage includes {@code clientAuth}, or it has no
 * extended key usage and carries the PIV Authentication policy ({@code id-fpki-common-authentication},
 * 2.16.840.1.101.3.2.1.3.13). An extended key usage without {@code clientAuth} limits the certificate
 * to other purposes (signing mail, say), so it is refused even with the policy.
 */
public interface PivCacVerification {

    /**
     * @param chain the presented certificate first, then any intermediates (the trust anchor need not be included)
     * @return pass with the holder's name; fail for an expired, revoked, untrusted or wrong-usage certificate;
     *         vendor error when revocation cannot be checked (no current CRL) or the check is switched off
     */
    VendorResult<PivCacHolder> validate(List<X509Certificate> chain);
}
