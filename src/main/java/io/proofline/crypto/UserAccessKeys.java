package io.proofline.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User access keys: a user's secret (password or personal key) and the KMS together yield a content
 * encryption key (CEK).
 * <pre>
 *   hash    = scrypt(secret, salt, N, r, p)               salt: 32 random bytes per credential
 *   random  = KMS.decrypt(wrapped, {purpose, account})    32 random bytes, wrapped once at creation
 *   CEK     = HMAC-SHA256(key = random, "proofline-cek-v1" | hash)
 *   stored  = salt, cost, wrapped, SHA-256(CEK)
 * </pre>
 * The secret is checked by comparing SHA-256(CEK) with the stored digest; the scrypt hash is never stored.
 * Without the KMS, a copy of the database does not even allow guessing passwords offline. One derivation
 * both checks the secret and yields the key that encrypts, so callers never derive twice for one entry.
 */
public class UserAccessKeys {

    private static final byte[] CEK_LABEL = "proofline-cek-v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** No account has this id: the decoy key's encryption context. */
    private static final UUID DECOY_OWNER = new UUID(0, 0);

    private final KeyManagementService kms;
    private static final Logger log = LoggerFactory.getLogger(UserAccessKeys.class);

    private final Scrypt.Cost cost;
    private final Scrypt.Bounds bounds;
    private final CryptoMetrics metrics;
    /** Wrapped once, on the first sign-in for an unknown email, and decrypted for each one after. */
    private volatile byte[] decoyWrappedKey;

    UserAccessKeys(KeyManagementService kms, Scrypt.Cost cost, Scrypt.Bounds bounds, CryptoMetrics metrics) {
        this.kms = kms;
        this.cost = cost;
        this.bounds = bounds;
        this.metrics = metrics;
    }

    /** What a secret is for; part of the KMS encryption context and the metric tag. */
    public enum Purpose {
        PASSWORD("password"), PERSONAL_KEY("personal-key");

        private final String label;

        Purpose(String label) {
            this.label = label;
        }
    }

    /** What is stored for a credential: all base64 except the cost ({@code N$r$p}). Holds nothing that opens data. */
    public record StoredCredential(String salt, String cost, String wrappedKey, String digest) {
    }

    /** A new credential to store, and the key it unlocks, for the encryption that usually follows at once. */
    public record NewCredential(StoredCredential stored, ContentKey key) {
    }

    public NewCredential create(String secret, Purpose purpose, UUID owner) {
        byte[] salt = randomBytes();
        byte[] random = randomBytes();
        byte[] wrapped = kms.encrypt(random, context(purpose, owner));
        ContentKey key = new ContentKey(combine(derive(secret, salt, cost, purpose), random));
        Base64.Encoder base64 = Base64.getEncoder();
        return new NewCredential(new StoredCredential(base64.encodeToString(salt), cost.encoded(),
                base64.encodeToString(wrapped), base64.encodeToString(key.digest())), key);
    }

    /**
     * The CEK when the secret is right; empty when it is wrong, and when the stored cost lies outside the
     * configured bounds (refused before any work: a tampered row can neither stall us nor make guessing cheap).
     */
    public Optional<ContentKey> unlock(String secret, StoredCredential stored, Purpose purpose, UUID owner) {
        Base64.Decoder base64 = Base64.getDecoder();
        Scrypt.Cost storedCost = Scrypt.Cost.parse(stored.cost());
        if (!bounds.admit(storedCost)) {
            log.warn("A {} credential of account {} asks for scrypt cost {}, outside the configured bounds: refused",
                    purpose.label, owner, stored.cost());
            return Optional.empty();
        }
        byte[] hash = derive(secret, base64.decode(stored.salt()), storedCost, purpose);
        byte[] random = kms.decrypt(base64.decode(stored.wrappedKey()), context(purpose, owner));
        ContentKey key = new ContentKey(combine(hash, random));
        return MessageDigest.isEqual(key.digest(), base64.decode(stored.digest())) ? Optional.of(key) : Optional.empty();
    }

    /**
     * The work of a check for a sign-in whose email has no account: one derivation at the current cost and one
     * KMS decrypt, as {@link #unlock} does, so that how long the answer takes does not tell whether the email
     * is registered.
     */
    public void checkAgainstNothing(String secret) {
        derive(secret, randomBytes(), cost, Purpose.PASSWORD);
        kms.decrypt(decoyWrappedKey(), context(Purpose.PASSWORD, DECOY_OWNER));
    }

    private byte[] decoyWrappedKey() {
        byte[] wrapped = decoyWrappedKey;
        if (wrapped == null) {
            wrapped = kms.encrypt(randomBytes(), context(Purpose.PASSWORD, DECOY_OWNER));
            decoyWrappedKey = wrapped;
        }
        return wrapped;
    }

    private byte[] derive(String secret, byte[] salt, Scrypt.Cost cost, Purpose purpose) {
        metrics.scryptDerivation(purpose.label);
        // NFKC: the same password typed on two keyboards must give the same bytes.
        byte[] secretBytes = Normalizer.normalize(secret, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        return Scrypt.derive(secretBytes, salt, cost, Scrypt.KEY_BYTES);
    }

    private static Map<String, String> context(Purpose purpose, UUID owner) {
        return Map.of("purpose", "user-access-key/" + purpose.label, "account", owner.toString());
    }

    private static byte[] combine(byte[] scryptHash, byte[] kmsRandom) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(kmsRandom, "HmacSHA256"));
            mac.update(CEK_LABEL);
            return mac.doFinal(scryptHash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
