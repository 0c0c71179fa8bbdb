package io.proofline.crypto;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;


/**
 * Resolves the configured secrets to bytes. A blank secret is read from, or generated into, a file of
 * the secrets folder (owner-only permissions) when generation is allowed; otherwise start-up fails and
 * names the environment variable to set. Messages never contain key material.
 */
final class KeyMaterial {

    static final int MIN_KEY_BYTES = 32;

    private final boolean generateMissing;
    private final Path secretsDir;

    KeyMaterial(boolean generateMissing, Path secretsDir) {
        this.generateMissing = generateMissing;
        this.secretsDir = secretsDir;
    }

    byte[] secret(String configured, String fileName, String environmentVariable) {
        return secret(configured, secretsDir.resolve(fileName), environmentVariable);
    }

    byte[] secret(String configured, Path file, String environmentVariable) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured, environmentVariable);
        }
        if (!generateMissing) {
            throw new IllegalStateException("Missing secret: set " + environmentVariable
                    + " to the base64 of at least " + MIN_KEY_BYTES + " random bytes (e.g. `openssl rand -base64 32`)");
        }
        return decode(readOrCreate(file), file.toString());
    }

    /** The current secret first, then the old ones still accepted for reading (none when not configured). */
    List<byte[]> ring(byte[] current, List<String> oldKeys, String environmentVariable) {
        List<byte[]> ring = new ArrayList<>();
        ring.add(current);
        ring.addAll(decodeAll(oldKeys == null ? List.of() : oldKeys, environmentVariable));
        return ring;
    }

    static List<byte[]> decodeAll(List<String> configured, String environmentVariable) {
        return configured.stream().filter(key -> !key.isBlank()).map(key -> decode(key, environmentVariable)).toList();
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Secret from " + source + " is not base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("Secret from " + source + " is shorter than " + MIN_KEY_BYTES + " bytes");
        }
        return key;
    }

    private static String readOrCreate(Path file) {
        return SecretFiles.readOrCreate(file, () -> {
            byte[] random = new byte[MIN_KEY_BYTES];
            new SecureRandom().nextBytes(random);
            return Base64.getEncoder().encodeToString(random);
        });
    }
}
