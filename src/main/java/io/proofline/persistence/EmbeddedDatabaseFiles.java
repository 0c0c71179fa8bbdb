package io.proofline.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded default's H2 files hold sealed data only, but nothing of ours is for other users of the machine: the
 * data folder and the database's folder are made 0700 before the database opens, and its files 0600 once it has
 * (H2 writes them with the process's umask, 0644 on most machines). Nothing to do for a server database.
 */
@Component
class EmbeddedDatabaseFiles implements BeanPostProcessor {

    private static final String H2_FILE = "jdbc:h2:file:";

    private final Path dataDir;
    private final Path databaseDir;

    EmbeddedDatabaseFiles(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        this.dataDir = Path.of(environment.getProperty("proofline.data-dir", "./data"));
        this.databaseDir = url.startsWith(H2_FILE)
                ? Path.of(url.substring(H2_FILE.length()).split(";", 2)[0]).toAbsolutePath().getParent() : null;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (databaseDir != null && "dataSource".equals(beanName)) {
            ownerOnlyFolder(dataDir);
            ownerOnlyFolder(databaseDir);
        }
        return bean;
    }

    @EventListener(ApplicationReadyEvent.class)
    void databaseFilesOwnerOnly() {
        if (databaseDir == null || !Files.isDirectory(databaseDir) || !posix()) {
            return;
        }
        try (Stream<Path> files = Files.list(databaseDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restrict the database's files to their owner", e);
        }
    }

    private static void ownerOnlyFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            if (posix()) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restrict " + folder + " to its owner", e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
