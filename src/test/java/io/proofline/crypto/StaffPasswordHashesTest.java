package io.proofline.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The staff's password hashes: scrypt with its cost and salt alongside, and nothing malformed accepted. */
class StaffPasswordHashesTest {

    private final StaffPasswordHashes hashes = new StaffPasswordHashes(new Scrypt.Cost(1024, 8, 1));

    @Test
    void aHashMatchesItsPasswordAndNoOther() {
        String hash = hashes.hash("correct horse battery staple");

        assertThat(hash).startsWith("1024$8$1$").doesNotContain("correct");
        assertThat(hashes.matches("correct horse battery staple", hash)).isTrue();
        assertThat(hashes.matches("correct horse battery stapl", hash)).isFalse();
        assertThat(hashes.hash("correct horse battery staple")).as("a new salt each time").isNotEqualTo(hash);
    }

    @Test
    void aHashIsMadeWithScryptAtTheGivenCost() {
        String[] parts = hashes.hash("pw").split("\\$");
        byte[] salt = java.util.Base64.getDecoder().decode(parts[3]);

        assertThat(java.util.Base64.getDecoder().decode(parts[4]))
                .isEqualTo(Scrypt.derive("pw".getBytes(java.nio.charset.StandardCharsets.UTF_8), salt, new Scrypt.Cost(1024, 8, 1), 32));
    }

    @Test
    void anOldCostStillMatchesButAsksToBeRehashed() {
        String old = new StaffPasswordHashes(new Scrypt.Cost(512, 8, 1)).hash("pw");

        assertThat(hashes.matches("pw", old)).isTrue();
        assertThat(hashes.needsRehash(old)).isTrue();
        assertThat(hashes.needsRehash(hashes.hash("pw"))).isFalse();
    }

    @Test
    void malformedOrTamperedHashesNeverMatch() {
        String hash = hashes.hash("pw");
        String[] parts = hash.split("\\$");

        assertThat(hashes.matches("pw", null)).isFalse();
        assertThat(hashes.matches("pw", "")).isFalse();
        assertThat(hashes.matches("pw", "not$a$hash")).isFalse();
        assertThat(hashes.matches("pw", "1024$8$1$!!!$" + parts[4])).isFalse();
        assertThat(hashes.matches("pw", (1 << 24) + "$8$1$" + parts[3] + "$" + parts[4]))
                .as("a cost that would stall a sign-in is refused before any work").isFalse();
    }
}
