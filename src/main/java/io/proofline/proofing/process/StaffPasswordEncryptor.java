package io.proofline.proofing.process;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;

import io.proofline.crypto.StaffPasswordHashes;

/**
 * The engine's password hashing for staff accounts: scrypt instead of Camunda's default salted SHA-512. The
 * engine stores it as {@code {SCRYPT}N$r$p$salt$hash}; no other algorithm is accepted, so a hash written
 * before this plug-in (or planted in the table) never signs anyone in.
 */
final class StaffPasswordEncryptor implements PasswordEncryptor {

    static final String ALGORITHM = "SCRYPT";

    private final StaffPasswordHashes hashes;

    StaffPasswordEncryptor(StaffPasswordHashes hashes) {
        this.hashes = hashes;
    }

    @Override
    public String encrypt(String password) {
        return hashes.hash(password);
    }

    @Override
    public boolean check(String password, String encrypted) {
        return hashes.matches(password, encrypted);
    }

    @Override
    public String hashAlgorithmName() {
        return ALGORITHM;
    }
}
