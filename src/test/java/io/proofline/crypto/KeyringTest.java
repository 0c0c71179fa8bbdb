package io.proofline.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Key ids, several keys at once, a key per message, and the ciphertexts of earlier releases still opening. */
class KeyringTest {

    private static final byte[] AAD = "account-email:1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAINTEXT = "pat@example.org".getBytes(StandardCharsets.UTF_8);
    private final byte[] oldKey = key(1);
    private final byte[] newKey = key(2);

    @Test
    void everyCiphertextNamesItsKeyAndAnyConfiguredKeyOpensIt() {
        byte[] underOld = new Keyring(List.of(oldKey)).seal(PLAINTEXT, AAD);
        Keyring rotated = new Keyring(List.of(newKey, oldKey));
        byte[] underNew = rotated.seal(PLAINTEXT, AAD);

        assertThat(underOld[0]).isEqualTo(Keyring.VERSION);
        assertThat(Arrays.copyOfRange(underOld, 1, 5)).isEqualTo(Keyring.keyId(oldKey));
        assertThat(Arrays.copyOfRange(underNew, 1, 5)).as("new writes under the newest key").isEqualTo(Keyring.keyId(newKey));
        assertThat(rotated.open(underOld, AAD)).isEqualTo(PLAINTEXT);
        assertThat(rotated.open(underNew, AAD)).isEqualTo(PLAINTEXT);
        assertThat(rotated.isCurrent(underNew)).isTrue();
        assertThat(rotated.isCurrent(underOld)).isFalse();
        assertThatThrownBy(() -> new Keyring(List.of(newKey)).open(underOld, AAD)).as("the old key retired")
                .isInstanceOf(DecryptionFailedException.class).hasMessageContaining("not configured");
    }

    @Test
    void theKeyIdAndTheContextAreAuthenticatedAndAKeyListedTwiceIsRefused() {
        Keyring ring = new Keyring(List.of(newKey, oldKey));
        byte[] sealed = ring.seal(PLAINTEXT, AAD);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> ring.open(tampered, AAD)).as("byte %d", i).isInstanceOf(DecryptionFailedException.class);
        }
        assertThatThrownBy(() -> ring.open(sealed, "account-email:2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> new Keyring(List.of(newKey, newKey.clone()))).hasMessageContaining("same key id");
    }

    @Test
    void eachMessageIsSealedUnderItsOwnKeyNotUnderTheLongLivedOne() {
        Keyring ring = new Keyring(List.of(newKey));
        byte[] sealed = ring.seal(PLAINTEXT, AAD);
        byte[] header = Arrays.copyOfRange(sealed, 0, 5);
        byte[] nonce = Arrays.copyOfRange(sealed, 5 + 12, 5 + 24);
        byte[] body = Arrays.copyOfRange(sealed, 5 + 24, sealed.length);
        byte[] aad = ByteArraysForTest.concat(header, AAD);

        assertThatThrownBy(() -> AesGcm.decrypt(newKey, nonce, body, aad)).as("GCM never runs under the stored key")
                .isInstanceOf(DecryptionFailedException.class);
        byte[] messageKey = Keyring.hmac(newKey, "proofline-aead-v2".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOfRange(sealed, 5, 5 + 12));
        assertThat(AesGcm.decrypt(messageKey, nonce, body, aad)).isEqualTo(PLAINTEXT);
        assertThat(ring.seal(PLAINTEXT, AAD)).isNotEqualTo(sealed);
    }

    @Test
    void aCiphertextMadeTheOldWayStillOpensAndIsResealedUnderTheNewestKey() {
        // What the previous release stored: version 1, no key id, AES-GCM straight under the shared key.
        String legacy = Base64.getEncoder().encodeToString(AesGcm.seal(oldKey, PLAINTEXT, AAD));
        ContentKey rotated = new ContentKey(List.of(newKey, oldKey));

        assertThat(new ContentKey(oldKey).open(legacy, "account-email:1")).as("after the upgrade, no rotation")
                .isEqualTo(PLAINTEXT);
        assertThat(rotated.open(legacy, "account-email:1")).isEqualTo(PLAINTEXT);
        String resealed = rotated.resealed(legacy, "account-email:1").orElseThrow();
        assertThat(Base64.getDecoder().decode(resealed)[0]).isEqualTo(Keyring.VERSION);
        assertThat(new ContentKey(newKey).open(resealed, "account-email:1")).isEqualTo(PLAINTEXT);
        assertThat(rotated.resealed(resealed, "account-email:1")).as("already current").isEmpty();
    }

    @Test
    void theSharedKeysAndTheLocalKmsRotateTooAndReadWhatTheOldReleaseWrote() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CryptoMetrics metrics = new CryptoMetrics(registry);
        Scrypt.Cost cost = new Scrypt.Cost(1024, 8, 1);
        byte[] oldSecret = key(3);
        byte[] newSecret = key(4);
        // The old release: AttributeEncryptor = AES-GCM (version 1) under scrypt(secret, secret).
        String legacyEmail = Base64.getEncoder().encodeToString(
                AesGcm.seal(Scrypt.derive(oldSecret, oldSecret, cost, 32), PLAINTEXT, AAD));
        AttributeEncryptor upgraded = new AttributeEncryptor(new SharedKeys(List.of(oldSecret), List.of(key(5)), cost, metrics));
        AttributeEncryptor rotated = new AttributeEncryptor(
                new SharedKeys(List.of(newSecret, oldSecret), List.of(key(5)), cost, metrics));

        assertThat(upgraded.decrypt(legacyEmail, "account-email:1")).isEqualTo("pat@example.org");
        assertThat(rotated.decrypt(legacyEmail, "account-email:1")).isEqualTo("pat@example.org");
        assertThat(rotated.decrypt(upgraded.encrypt("pat@example.org", "account-email:1"), "account-email:1"))
                .isEqualTo("pat@example.org");

        Map<String, String> context = Map.of("purpose", "user-access-key/password", "account", "1");
        byte[] legacyWrapped = AesGcm.seal(oldKey, PLAINTEXT, EncryptionContexts.canonical(context));
        byte[] wrappedUnderOld = new LocalKms(oldKey, key(6), metrics).encrypt(PLAINTEXT, context);
        LocalKms rotatedKms = new LocalKms(List.of(newKey, oldKey), key(6), metrics);
        assertThat(rotatedKms.decrypt(legacyWrapped, context)).isEqualTo(PLAINTEXT);
        assertThat(rotatedKms.decrypt(wrappedUnderOld, context)).isEqualTo(PLAINTEXT);
        assertThat(Arrays.copyOfRange(rotatedKms.encrypt(PLAINTEXT, context), 1, 5)).isEqualTo(Keyring.keyId(newKey));
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    private static final class ByteArraysForTest {
        static byte[] concat(byte[] a, byte[] b) {
            byte[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }
    }
}
