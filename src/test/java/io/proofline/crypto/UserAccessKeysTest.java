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
    private final UserAccessKeys keys = new UserAccessKeys(new LocalKms(new byte[32], metrics), new Scrypt.Cost(1024, 8, 1),
            BOUNDS, metrics);
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

        assertThatThrownBy(() -> keys.unlock("correct horse battery", created.stored(), Purpose.PASSWORD, UUID.randomUUID()))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> keys.unlock("correct horse battery", created.stored(), Purpose.PERSONAL_KEY, owner))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void eachCreationAndUnlockIsOneScryptDerivationAndOneKmsCall() {
        NewCredential created = keys.create("correct horse battery", Purpose.PASSWORD, owner);
        keys.unlock("correct horse battery", created.stored(), Purpose.PASSWORD, owner);

        assertThat(registry.get(CryptoMetrics.SCRYPT_DERIVATIONS).tag("purpose", "password").counter().count()).isEqualTo(2);
        assertThat(registry.get(CryptoMetrics.KMS_CALLS).counters()).extracting(c -> c.count()).containsOnly(1.0);
    }

    @Test
    void checkingAgainstNothingCostsWhatARealCheckCosts() {
        NewCredential created = keys.create("correct horse battery", Purpose.PASSWORD, owner);
        keys.unlock("wrong horse battery", created.stored(), Purpose.PASSWORD, owner);
        double derivations = registry.get(CryptoMetrics.SCRYPT_DERIVATIONS).counter().count();
        double kmsCalls = registry.get(CryptoMetrics.KMS_CALLS).counters().stream().mapToDouble(c -> c.count()).sum();

        keys.checkAgainstNothing("correct horse battery"); // the first also wraps the decoy key, once
        keys.checkAgainstNothing("correct horse battery");

        assertThat(registry.get(CryptoMetrics.SCRYPT_DERIVATIONS).counter().count()).isEqualTo(derivations + 2);
        assertThat(registry.get(CryptoMetrics.KMS_CALLS).counters().stream().mapToDouble(c -> c.count()).sum())
                .as("a decrypt each, like unlock, and one encrypt for the decoy").isEqualTo(kmsCalls + 3);
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
