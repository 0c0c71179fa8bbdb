package io.proofline.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Slow hashes for the staff's passwords (the Cockpit accounts): scrypt (RFC 7914) at the configured cost with a
 * random 16-byte salt, encoded as {@code N$r$p$salt$hash} so that a later change of cost leaves old hashes
 * readable. A copied engine database then costs a guesser a full scrypt per try, not a SHA-512.
 */
public final class StaffPasswordHashes {

    private static final int SALT_BYTES = 16;
    /** The most an encoded hash may ask for: keeps a tampered row from stalling a sign-in. */
    private static final int MAX_N = 1 << 20;

    private final Scrypt.Cost cost;
    private final SecureRandom random = new SecureRandom();

    private final DerivationSlots slots;

    StaffPasswordHashes(Scrypt.Cost cost, DerivationSlots slots) {
        this.cost = cost;
        this.slots = slots;
    }

    StaffPasswordHashes(Scrypt.Cost cost) {
        this(cost, DerivationSlots.standard());
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = slots.derive(password.getBytes(StandardCharsets.UTF_8), salt, cost, Scrypt.KEY_BYTES);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return cost.encoded() + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /** Whether the password matches a hash made by {@link #hash}; false for anything malformed. */
    public boolean matches(String password, String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
        if (parts.length != 5) {
            return false;
        }
        try {
            Scrypt.Cost stored = Scrypt.Cost.parse(parts[0] + "$" + parts[1] + "$" + parts[2]);
            if (stored.n() > MAX_N || stored.r() > 16 || stored.p() > 4) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[3]);
            byte[] expected = Base64.getDecoder().decode(parts[4]);
            byte[] actual = slots.derive(password.getBytes(StandardCharsets.UTF_8), salt, stored, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** Whether a hash was made at a cost other than today's, so it should be made again at the next chance. */
    public boolean needsRehash(String encoded) {
        return encoded == null || !encoded.startsWith(cost.encoded() + "$");
    }
}
