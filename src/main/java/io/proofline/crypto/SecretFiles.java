package io.proofline.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * Secrets the embedded default makes for itself on first run (the operator password, local keys): created
 * once in the data folder, readable by the owner only, and read back on every later start.
 */
public final class SecretFiles {

    private SecretFiles() {
    }

    public static String readOrCreate(Path file, Supplier<String> generator) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, "");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data folder's own permissions apply.
            }
            String secret = generator.get();
            Files.writeString(file, secret + "\n"); // written only once the file is owner-only
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret file " + file, e);
        }
    }
}
