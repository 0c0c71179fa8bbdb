package io.proofline.support.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * A PIV/CAC card as Chromium on Linux sees one: its certificate and key in the NSS database of the browser's
 * home ({@code $HOME/.pki/nssdb}), imported with NSS's own tools (Debian's libnss3-tools). Headless Chromium
 * cannot show the "choose a certificate" dialog, so a managed policy, {@code AutoSelectCertificateForUrls},
 * chooses the card's certificate for {@code https://localhost} on any port, and only a certificate of this
 * card's issuer (the development CA: test material). Chromium reads managed policies only from
 * {@value #POLICY_DIR}; writing there needs root, as CI has.
 *
 * @param pkcs12            the card holder's certificate and key
 * @param serverCertificate the card-reader port's certificate, trusted by this browser alone
 */
public record CardInReader(Path pkcs12, String password, Path serverCertificate) {

    static final String POLICY_DIR = "/etc/chromium/policies/managed";
    static final Path POLICY = Path.of(POLICY_DIR, "proofline-browser-tests.json");
    private static final Path CERTUTIL = Path.of("/usr/bin/certutil");
    private static final Path PK12UTIL = Path.of("/usr/bin/pk12util");

    void insertInto(Path home) throws IOException {
        if (!Files.isExecutable(CERTUTIL) || !Files.isExecutable(PK12UTIL)) {
            throw new IllegalStateException("The PIV/CAC browser test needs NSS's certutil and pk12util: "
                    + "apt-get install -y libnss3-tools (as .ci/run does)");
        }
        Path nssdb = Files.createDirectories(home.resolve(".pki/nssdb"));
        String database = "sql:" + nssdb;
        run(CERTUTIL.toString(), "-N", "-d", database, "--empty-password");
        run(PK12UTIL.toString(), "-i", pkcs12.toString(), "-d", database, "-W", password);
        run(CERTUTIL.toString(), "-A", "-d", database, "-n", "proofline-card-reader", "-t", "P,,", "-i",
                serverCertificate.toString());
        choosesCertificatesOf(issuerCommonName());
    }

    private void choosesCertificatesOf(String issuer) throws IOException {
        String rule = "{\\\"pattern\\\":\\\"https://localhost:*\\\",\\\"filter\\\":{\\\"ISSUER\\\":{\\\"CN\\\":\\\""
                + issuer + "\\\"}}}";
        String policy = "{\"AutoSelectCertificateForUrls\": [\"" + rule + "\"]}\n";
        if (Files.exists(POLICY) && Files.readString(POLICY).equals(policy)) {
            return;
        }
        try {
            Files.createDirectories(POLICY.getParent());
            Files.writeString(POLICY, policy, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The PIV/CAC browser test must write Chromium's policy " + POLICY
                    + " (run as root, or write it yourself with this content: " + policy + ")", e);
        }
    }

    private String issuerCommonName() {
        try (InputStream in = Files.newInputStream(pkcs12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            X509Certificate card = (X509Certificate) store.getCertificate(store.aliases().nextElement());
            for (Rdn rdn : new LdapName(card.getIssuerX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString();
                }
            }
            throw new IllegalStateException("The card's issuer has no common name: " + card.getIssuerX500Principal());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | InvalidNameException e) {
            throw new IllegalStateException("Cannot read the card " + pkcs12, e);
        }
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command[0] + " " + command[1] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + command[0], e);
        }
    }
}
