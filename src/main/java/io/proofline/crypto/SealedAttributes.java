package io.proofline.crypto;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A table of ours that holds {@link AttributeEncryptor} ciphertexts. Each feature that stores them declares a
 * bean of this type, so {@link AttributeReEncryption} finds every column without depending on any feature.
 */
public interface SealedAttributes {

    /** Rewrites each of its ciphertexts not yet under the newest attribute key (see {@link AttributeEncryptor#reEncrypt}). */
    ReEncrypted reEncrypt(AttributeEncryptor encryptor);

    /** How a store rewrites one ciphertext: a compare-and-set, true when the row still held {@code before}. */
    interface Rewrite<T> {
        boolean replace(T row, String before, String after);
    }

    /**
     * Re-encrypts one column of the rows: skips empty cells and ciphertexts already under the newest key,
     * writes the others back through {@code rewrite}.
     */
    static <T> ReEncrypted column(AttributeEncryptor encryptor, List<T> rows, Function<T, String> sealed,
            Function<T, String> context, Rewrite<T> rewrite) {
        int read = 0;
        int rewritten = 0;
        for (T row : rows) {
            String before = sealed.apply(row);
            if (before == null) {
                continue;
            }
            read++;
            Optional<String> after = encryptor.reEncrypt(before, context.apply(row));
            if (after.isPresent() && rewrite.replace(row, before, after.get())) {
                rewritten++;
            }
        }
        return new ReEncrypted(read, rewritten);
    }

    /** What one store did: how many ciphertexts it read and how many it rewrote. */
    record ReEncrypted(int read, int rewritten) {

        public ReEncrypted plus(ReEncrypted other) {
            return new ReEncrypted(read + other.read, rewritten + other.rewritten);
        }
    }
}
