package io.proofline.pivcac;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import org.springframework.stereotype.Service;

import io.proofline.journey.JourneyId;
import io.proofline.vault.IdentityEvidence;
import io.proofline.vault.PiiVault;
import io.proofline.vendors.CheckOutcome;
import io.proofline.vendors.VendorResult;

/**
 * The PIV/CAC check of seed 004 (PIV/CAC step 3): the chain presented in the TLS handshake waits, sealed,
 * for the check; a valid card's holder name becomes the journey's evidence, which the entered name must
 * later match, with the card certificate's subject and issuer (RFC 2253) that agencies may ask for.
 */
@Service
public class CertificateCheck {

    private static final Map<String, String> NAME_KEYWORDS = Map.of("2.5.4.4", "SURNAME", "2.5.4.42", "GIVENNAME",
            "2.5.4.5", "SERIALNUMBER", "2.5.4.12", "TITLE", "0.9.2342.19200300.100.1.1", "UID");

    private final PivCacVerification verification;
    private final PiiVault vault;

    CertificateCheck(PivCacVerification verification, PiiVault vault) {
        this.verification = verification;
        this.vault = vault;
    }

    public void present(JourneyId journey, List<X509Certificate> chain) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes)) {
            for (X509Certificate certificate : chain) {
                byte[] der = certificate.getEncoded();
                out.writeInt(der.length);
                out.write(der);
            }
            out.flush();
            vault.attach(journey, PiiVault.Attachment.CERTIFICATE_CHAIN, bytes.toByteArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("The presented certificate could not be read");
        }
    }

    public CheckOutcome validate(JourneyId journey) {
        Optional<byte[]> packed = vault.attachment(journey, PiiVault.Attachment.CERTIFICATE_CHAIN);
        if (packed.isEmpty()) {
            return CheckOutcome.vendorError("CERTIFICATE_GONE");
        }
        List<X509Certificate> chain = unpack(packed.get());
        VendorResult<PivCacHolder> result = verification.validate(chain);
        vault.detach(journey, PiiVault.Attachment.CERTIFICATE_CHAIN);
        if (result instanceof VendorResult.Passed<PivCacHolder> passed) {
            X509Certificate card = chain.get(0); // a passed chain is not empty: the card's own certificate first
            vault.update(journey, pii -> pii.withEvidence(new IdentityEvidence("PIV_CAC",
                    passed.value().firstName(), passed.value().lastName(), null, null, null, null,
                    readable(card.getSubjectX500Principal()), readable(card.getIssuerX500Principal()))));
        }
        return CheckOutcome.of(result);
    }

    /** RFC 2253, with the keywords a person reads for the name attributes RFC 2253 leaves as hex OIDs. */
    private static String readable(X500Principal name) {
        return name.getName(X500Principal.RFC2253, NAME_KEYWORDS);
    }

    private static List<X509Certificate> unpack(byte[] packed) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            while (in.available() > 0) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(in.readNBytes(in.readInt()))));
            }
            return chain;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("A sealed certificate chain could not be read back");
        }
    }
}
