package io.proofline.pivcac;

import java.nio.file.Path;
import java.util.Optional;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/**
 * The card-reader port: HTTPS on a port of its own whose TLS handshake asks the browser for a client
 * certificate, as Login.gov's PKI service does. A browser asks the person to choose a certificate (and the
 * card for its PIN) as soon as a server requests one, so only this port requests it; the wizard's own port
 * never does.
 *
 * <p>The handshake accepts any certificate ({@link AnyClientCertificate}, Tomcat's {@code optional_no_ca},
 * nginx's {@code ssl_verify_client optional_no_ca} at Login.gov): a refused card then gets the wizard's
 * explanation instead of a browser's TLS error, and the real check, PKIX against the federal anchors with
 * CRLs at the engine's time, runs in the {@code ValidateCertificate} step. The handshake still proves that
 * the browser holds the certificate's private key.
 */
public final class CardReaderPort {

    /** Where the servlet container puts the client's certificate chain. */
    public static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";
    /** The only paths served on this port (and the styles its pages need). */
    public static final String PATH_PREFIX = "/pivcac/";

    private final Connector connector;

    private CardReaderPort(Connector connector) {
        this.connector = connector;
    }

    static CardReaderPort closed() {
        return new CardReaderPort(null);
    }

    static CardReaderPort open(int port, Path keyStore, String keyStorePassword) {
        Connector connector = new Connector(Http11NioProtocol.class.getName());
        connector.setScheme("https");
        connector.setSecure(true);
        connector.setPort(port);
        Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
        protocol.setSSLEnabled(true);
        SSLHostConfig tls = new SSLHostConfig();
        tls.setProtocols("TLSv1.2+TLSv1.3");
        tls.setCertificateVerification("optional_no_ca");
        tls.setTrustManagerClassName(AnyClientCertificate.class.getName());
        SSLHostConfigCertificate identity = new SSLHostConfigCertificate(tls, SSLHostConfigCertificate.Type.UNDEFINED);
        identity.setCertificateKeystoreFile(keyStore.toAbsolutePath().toString());
        identity.setCertificateKeystorePassword(keyStorePassword);
        identity.setCertificateKeystoreType("PKCS12");
        tls.addCertificate(identity);
        protocol.addSslHostConfig(tls);
        return new CardReaderPort(connector);
    }

    public boolean isOpen() {
        return connector != null;
    }

    /** The port it listens on once the server has started (the chosen one when configured as 0). */
    public int localPort() {
        return connector == null ? -1 : connector.getLocalPort();
    }

    Optional<Connector> connector() {
        return Optional.ofNullable(connector);
    }
}
