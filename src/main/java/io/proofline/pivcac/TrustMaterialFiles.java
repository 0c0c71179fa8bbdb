package io.proofline.pivcac;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Trust anchors (one PEM file of CA certificates) and CRLs (PEM or DER files), read again when a
 * file changes: CRLs are reissued daily and an operator must not need a restart to load one.
 */
final class TrustMaterialFiles {

    private final Path anchors;
    private final List<Path> crls;
    private final Map<Path, Loaded<?>> cache = new HashMap<>();

    TrustMaterialFiles(Path anchors, List<Path> crls) {
        this.anchors = anchors;
        this.crls = List.copyOf(crls);
    }

    Set<TrustAnchor> anchors() {
        if (anchors == null) {
            return Set.of();
        }
        Collection<X509Certificate> certificates = load(anchors, in -> CertificateFactory.getInstance("X.509")
                .generateCertificates(in).stream().map(X509Certificate.class::cast).toList());
        return certificates.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
    }

    List<X509CRL> crls() {
        List<X509CRL> all = new ArrayList<>();
        for (Path path : crls) {
            all.addAll(load(path, in -> CertificateFactory.getInstance("X.509").generateCRLs(in).stream()
                    .map(X509CRL.class::cast).toList()));
        }
        return all;
    }

    private interface Reader<T> {
        List<T> read(InputStream in) throws GeneralSecurityException;
    }

    private record Loaded<T>(long modified, List<T> items) {
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> List<T> load(Path path, Reader<T> reader) {
        try {
            long modified = Files.getLastModifiedTime(path).toMillis();
            Loaded<?> cached = cache.get(path);
            if (cached != null && cached.modified() == modified) {
                return (List<T>) cached.items();
            }
            try (InputStream in = Files.newInputStream(path)) {
                List<T> items = reader.read(in);
                cache.put(path, new Loaded<>(modified, items));
                return items;
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read PIV/CAC trust material " + path + ": " + e.getMessage(), e);
        }
    }
}
