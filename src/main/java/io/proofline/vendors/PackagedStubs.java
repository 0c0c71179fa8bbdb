package io.proofline.vendors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The {@code vendor-stubs/} packaged in the jar, copied to a temporary folder for WireMock. WireMock reads its
 * classpath files as {@code java.nio} paths, which Spring Boot's nested-jar URLs ({@code nested:/…jar!/…}) are not:
 * a jar started anywhere without a {@code vendor-stubs/} folder failed with {@code NoSuchFileException}. Spring's
 * resource resolver reads nested jars, so the stubs are copied through it.
 */
final class PackagedStubs {

    private static final String ROOT = "vendor-stubs/";

    private PackagedStubs() {
    }

    static Path unpack() {
        try {
            Path folder = Files.createTempDirectory("proofline-vendor-stubs");
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**")) {
                String url = resource.getURL().toString();
                if (!resource.isReadable() || url.endsWith("/")) {
                    continue; // a folder
                }
                Path target = folder.resolve(url.substring(url.lastIndexOf(ROOT) + ROOT.length())).normalize();
                if (!target.startsWith(folder)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the packaged vendor stubs", e);
        }
    }

    static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it up in the end
        }
    }
}
