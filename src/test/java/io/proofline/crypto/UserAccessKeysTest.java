package io.proofline.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.proofline.crypto.UserAccessKeys.NewCredential;
import io.proofline.crypto.UserAccessKeys.Purpose;
import io.proofline.crypto.UserAccessKeys.StoredCredential;

class UserAccessKeysTest {

    static final Scrypt.Bounds BOUNDS = new Scrypt.Bounds(new Scrypt.Cost(1024, 8, 1), new Scrypt.Cost(1 << 20, 16, 4));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CryptoMetrics metrics = new CryptoMetrics(registry);
    private final LocalKms kms = new LocalKms(new byte[32], macKey(1), metrics);
    private final UserAccessKeys keys = new UserAccessKeys(kms, new Scrypt.Cost(1024, 8, 1), BOUNDS, metrics);
    private final UUID owner = UUID.randomUUID();

    @Test
    void theRightPasswordUnlocksTheKeyThatEncryptedAndAWrongOneDoesNot() {
        NewCredential created = keys.create("correct horse battery", Purpose.PASSWORD, owner);
        String sealed = created.key().sealText("secret", "profile:x");

        ContentKey unlocked = keys.unlock("correct horse battery", created.stored(), Purpose.PASSWORD, owner).orElseThrow();

        assertThat(unlocked.openText(sealed, "profile:x")).isEqualTo("secret");
        assertThat(keys.unlock("correct horse batterY", created.stored(), Purpose.PASSWORD, owner)).isEmpty();
    }

    @Test
    void theStoredCredentialHoldsNeitherTheScryptHashNorTheKey() {
        NewCredential created = keys.create("correct horse battery", Purpose.PASSWORD, owner);
        StoredCredential stored = created.stored();
        byte[] scryptHash = Scrypt.derive("correct horse battery".getBytes(), Base64.getDecoder().decode(stored.salt()),
                new Scrypt.Cost(1024, 8, 1), 32);

        assertThat(stored.cost()).isEqualTo("1024$8$1");
        assertThat(Base64.getDecoder().decode(stored.digest())).isEqualTo(created.key().digest())
                .isNotEqualTo(scryptHash).isNotEqualTo(ContentKey.sha256(scryptHash));
        assertThat(stored.toString()).doesNotContain(Base64.getEncoder().encodeToString(scryptHash));
    }

    @Test
    void theKmsBindsTheCredentialToItsOwnerAndPurpose() {
        NewCredential created = keys.create("correct horse battery", Purpose.PASSWORD, owner);

        assertThat(keys.unlock("correct horse battery", created.stored(), Purpose.PASSWORD, UUID.randomUUID())).isEmpty();
        assertThat(keys.unlock("correct horse battery", created.stored(), Purpose.PERSONAL_KEY, owner)).isEmpty();
    }

    @Test
    void eachCreationAndUnlockIsOneScryptDerivationAndOneKmsMac() {
        NewCredential created = keys.create("correct horse battery", Purpose.PASSWORD, owner);
        keys.unlock("correct horse battery", created.stored(), Purpose.PASSWORD, owner);
        keys.unlock("a wrong guess at it", created.stored(), Purpose.PASSWORD, owner);

        assertThat(registry.get(CryptoMetrics.SCRYPT_DERIVATIONS).tag("purpose", "password").counter().count()).isEqualTo(3);
        assertThat(registry.get(CryptoMetrics.KMS_CALLS).counters()).as("one KMS call per derivation, a MAC")
                .singleElement().satisfies(counter -> {
                    assertThat(counter.getId().getTag("operation")).isEqualTo("generate-mac");
                    assertThat(counter.count()).isEqualTo(3);
                });
    }

    @Test
    void aCopiedDatabaseIsUselessWithoutTheKmsMacKey() {
        NewCredential created = keys.create("correct horse battery", Purpose.PASSWORD, owner);
        // Everything the database holds, and even the KMS's wrapping key: without its MAC key no guess can be checked.
        UserAccessKeys withoutTheMacKey = new UserAccessKeys(new LocalKms(new byte[32], macKey(2), metrics),
                new Scrypt.Cost(1024, 8, 1), BOUNDS, metrics);

        assertThat(created.stored().wrappedKey()).as("nothing to unwrap once and guess after").isEqualTo("kms-mac-v2");
        assertThat(withoutTheMacKey.unlock("correct horse battery", created.stored(), Purpose.PASSWORD, owner)).isEmpty();
        assertThat(keys.unlock("correct horse battery", created.stored(), Purpose.PASSWORD, owner)).isPresent();
    }

    @Test
    void aCredentialOfThePreviousVersionStillUnlocksAndIsNotCurrent() {
        StoredCredential legacy = legacyCredential(kms, "correct horse battery", Purpose.PASSWORD, owner);

        assertThat(keys.unlock("correct horse battery", legacy, Purpose.PASSWORD, owner)).isPresent();
        assertThat(keys.unlock("correct horse batterY", legacy, Purpose.PASSWORD, owner)).isEmpty();
        assertThat(keys.isCurrent(legacy)).isFalse();
        assertThat(keys.isCurrent(keys.create("correct horse battery", Purpose.PASSWORD, owner).stored())).isTrue();
    }

    /** A credential as the previous release made it: a KMS-wrapped random, CEK = HMAC(random, label | scrypt). */
    static StoredCredential legacyCredential(KeyManagementService kms, String secret, Purpose purpose, UUID owner) {
        return legacy(kms, secret, purpose, owner).stored();
    }

    /** A previous release's credential, and its CEK's bytes, to seal what that release sealed (version 1). */
    record Legacy(StoredCredential stored, byte[] cek) {
        String sealAsBefore(byte[] plaintext, String context) {
            return Base64.getEncoder().encodeToString(AesGcm.seal(cek, plaintext,
                    context.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    static Legacy legacy(KeyManagementService kms, String secret, Purpose purpose, UUID owner) {
        byte[] salt = new byte[32];
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(salt);
        new java.security.SecureRandom().nextBytes(random);
        String label = purpose == Purpose.PASSWORD ? "password" : "personal-key";
        byte[] wrapped = kms.encrypt(random, java.util.Map.of("purpose", "user-access-key/" + label, "account", owner.toString()));
        byte[] hash = Scrypt.derive(java.text.Normalizer.normalize(secret, java.text.Normalizer.Form.NFKC)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), salt, new Scrypt.Cost(1024, 8, 1), 32);
        byte[] cek = Keyring.hmac(random, "proofline-cek-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII), hash);
        Base64.Encoder base64 = Base64.getEncoder();
        return new Legacy(new StoredCredential(base64.encodeToString(salt), "1024$8$1", base64.encodeToString(wrapped),
                base64.encodeToString(ContentKey.sha256(cek))), cek);
    }

    private static byte[] macKey(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return key;
    }

    @Test
    void checkingAgainstNothingCostsWhatARealCheckCosts() {
        NewCredential created = keys.create("correct horse battery", Purpose.PASSWORD, owner);
        keys.unlock("wrong horse battery", created.stored(), Purpose.PASSWORD, owner);
        double derivations = registry.get(CryptoMetrics.SCRYPT_DERIVATIONS).counter().count();
        double kmsCalls = registry.get(CryptoMetrics.KMS_CALLS).counters().stream().mapToDouble(c -> c.count()).sum();

        keys.checkAgainstNothing("correct horse battery");
        keys.checkAgainstNothing("correct horse battery");

        assertThat(registry.get(CryptoMetrics.SCRYPT_DERIVATIONS).counter().count()).isEqualTo(derivations + 2);
        assertThat(registry.get(CryptoMetrics.KMS_CALLS).counters().stream().mapToDouble(c -> c.count()).sum())
                .as("a MAC each, like unlock").isEqualTo(kmsCalls + 2);
    }

    @Test
    void theSameTextTypedOnAnotherKeyboardIsTheSamePassword() {
        NewCredential created = keys.create("caf\u00e9 au lait 2024", Purpose.PASSWORD, owner);

        assertThat(keys.unlock("cafe\u0301 au lait 2024", created.stored(), Purpose.PASSWORD, owner)).isPresent();
    }

    @Test
    void aStoredCostOutsideTheBoundsIsRefusedWithoutComputingIt() {
        NewCredential created = keys.create("correct horse battery", Purpose.PASSWORD, owner);
        StoredCredential stored = created.stored();
        double derivations = registry.get(CryptoMetrics.SCRYPT_DERIVATIONS).counter().count();

        for (String cost : new String[] {"1073741824$8$1", "1024$1024$1", "1024$8$64", "512$8$1", "1024$4$1"}) {
            StoredCredential tampered = new StoredCredential(stored.salt(), cost, stored.wrappedKey(), stored.digest());
            assertThat(keys.unlock("correct horse battery", tampered, Purpose.PASSWORD, owner)).as(cost).isEmpty();
        }

        assertThat(registry.get(CryptoMetrics.SCRYPT_DERIVATIONS).counter().count()).as("nothing computed")
                .isEqualTo(derivations);
        assertThat(keys.unlock("correct horse battery", stored, Purpose.PASSWORD, owner)).isPresent();
    }
}
