package io.proofline.pivcac;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.X509TrustManager;

/**
 * The card-reader port's handshake trust: every client certificate is let through to the wizard, which
 * validates it properly ({@link PivCacVerification}). Never used for anything but that port's client
 * certificates; Tomcat creates it by class name, hence public with a no-argument constructor.
 */
public final class AnyClientCertificate implements X509TrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // validated after the handshake, with CRLs and at the engine's time: see CardReaderPort
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("Only used to accept client certificates");
    }

    /** No issuer list: the browser offers every certificate it has, as with Login.gov's {@code optional_no_ca}. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
