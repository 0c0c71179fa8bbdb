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
     * writes the others back through {@code rewrite}. A ciphertext no configured key opens (a key dropped too
     * early, a damaged row) is counted as unreadable and left as it is: it must not stop the others, nor the
     * start-up.
     */
    static <T> ReEncrypted column(AttributeEncryptor encryptor, List<T> rows, Function<T, String> sealed,
            Function<T, String> context, Rewrite<T> rewrite) {
        int read = 0;
        int rewritten = 0;
        int unreadable = 0;
        for (T row : rows) {
            String before = sealed.apply(row);
            if (before == null) {
                continue;
            }
            read++;
            Optional<String> after;
            try {
                after = encryptor.reEncrypt(before, context.apply(row));
            } catch (DecryptionFailedException e) {
                unreadable++;
                continue;
            }
            if (after.isPresent() && rewrite.replace(row, before, after.get())) {
                rewritten++;
            }
        }
        return new ReEncrypted(read, rewritten, unreadable);
    }

    /** What one store did: how many ciphertexts it read, rewrote, and could not open under any configured key. */
    record ReEncrypted(int read, int rewritten, int unreadable) {

        public ReEncrypted plus(ReEncrypted other) {
            return new ReEncrypted(read + other.read, rewritten + other.rewritten, unreadable + other.unreadable);
        }
    }
}
