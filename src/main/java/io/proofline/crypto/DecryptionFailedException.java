package io.proofline.crypto;

/**
 * A ciphertext did not authenticate: wrong key, wrong context, or tampered bytes. The message never
 * says which, and never carries any data.
 */
public class DecryptionFailedException extends RuntimeException {

    DecryptionFailedException(String what, Throwable cause) {
        super("Decryption failed: " + what, cause);
    }
}
