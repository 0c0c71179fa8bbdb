package io.proofline.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User access keys: a user's secret (password or personal key) and the KMS together yield a content
 * encryption key (CEK). Version 2, what {@link #create} makes:
 * <pre>
 *   hash    = scrypt(secret, salt, N, r, p)                               salt: 32 random bytes per credential
 *   mac     = KMS.GenerateMac("proofline-uak-v2" | {purpose, account} | hash)   HMAC-SHA256, key inside the KMS
 *   CEK     = HMAC-SHA256(key = mac, "proofline-cek-v2")
 *   stored  = salt, cost, "kms-mac-v2" (in the wrapped-key column: nothing to unwrap), SHA-256(CEK)
 * </pre>
 * The KMS takes part in every derivation, one call each: a copy of the database does not allow guessing a
 * password offline, every guess is a KMS call that can be rate-limited, audited and revoked. Version 1 (the
 * previous release) used a KMS-wrapped random instead of the MAC: one decrypt, after which the guesses needed
 * no KMS. Version-1 credentials still unlock (a KMS decrypt, as before); callers replace them with a
 * version-2 credential at the next successful use ({@link #isCurrent}). The secret is checked by comparing
 * SHA-256(CEK) with the stored digest; the scrypt hash is never stored. One derivation both checks the secret
 * and yields the key that encrypts, so callers never derive twice for one entry.
 */
public class UserAccessKeys {

    private static final byte[] CEK_LABEL = "proofline-cek-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CEK_LABEL_V2 = "proofline-cek-v2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAC_LABEL = "proofline-uak-v2".getBytes(StandardCharsets.US_ASCII);
    /** What a version-2 credential keeps in the wrapped-key column (a version-1 one keeps base64 there). */
    static final String KMS_MAC_V2 = "kms-mac-v2";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** No account has this id: the context of the check for an email with no account. */
    private static final UUID NOBODY = new UUID(0, 0);

    private final KeyManagementService kms;
    private static final Logger log = LoggerFactory.getLogger(UserAccessKeys.class);

    private final Scrypt.Cost cost;
    private final Scrypt.Bounds bounds;
    private final CryptoMetrics metrics;
    private final DerivationSlots slots;

    UserAccessKeys(KeyManagementService kms, Scrypt.Cost cost, Scrypt.Bounds bounds, CryptoMetrics metrics,
            DerivationSlots slots) {
        this.kms = kms;
        this.cost = cost;
        this.bounds = bounds;
        this.metrics = metrics;
        this.slots = slots;
    }

    UserAccessKeys(KeyManagementService kms, Scrypt.Cost cost, Scrypt.Bounds bounds, CryptoMetrics metrics) {
        this(kms, cost, bounds, metrics, DerivationSlots.standard());
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

    /** A version-2 credential: one derivation, one KMS call. */
    public NewCredential create(String secret, Purpose purpose, UUID owner) {
        byte[] salt = randomBytes();
        ContentKey key = new ContentKey(kmsMac(derive(secret, salt, cost, purpose), purpose, owner));
        Base64.Encoder base64 = Base64.getEncoder();
        return new NewCredential(new StoredCredential(base64.encodeToString(salt), cost.encoded(), KMS_MAC_V2,
                base64.encodeToString(key.digest())), key);
    }

    /** Whether the credential is of the version {@link #create} makes today; if not, replace it at its next use. */
    public boolean isCurrent(StoredCredential stored) {
        return KMS_MAC_V2.equals(stored.wrappedKey());
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
        ContentKey key = new ContentKey(isCurrent(stored) ? kmsMac(hash, purpose, owner)
                : combine(hash, kms.decrypt(base64.decode(stored.wrappedKey()), context(purpose, owner))));
        return MessageDigest.isEqual(key.digest(), base64.decode(stored.digest())) ? Optional.of(key) : Optional.empty();
    }

    /**
     * The work of a check for a sign-in whose email has no account: one derivation at the current cost and one
     * KMS MAC, as {@link #unlock} does, so that how long the answer takes does not tell whether the email
     * is registered.
     */
    public void checkAgainstNothing(String secret) {
        kmsMac(derive(secret, randomBytes(), cost, Purpose.PASSWORD), Purpose.PASSWORD, NOBODY);
    }

    /** The KMS's part of a version-2 derivation: its MAC over the scrypt hash, bound to the owner and purpose. */
    private byte[] kmsMac(byte[] scryptHash, Purpose purpose, UUID owner) {
        byte[] binding = EncryptionContexts.canonical(context(purpose, owner));
        byte[] message = ByteBuffer.allocate(MAC_LABEL.length + binding.length + scryptHash.length).put(MAC_LABEL)
                .put(binding).put(scryptHash).array();
        return Keyring.hmac(kms.mac(message), CEK_LABEL_V2, new byte[0]);
    }

    private byte[] derive(String secret, byte[] salt, Scrypt.Cost cost, Purpose purpose) {
        metrics.scryptDerivation(purpose.label);
        // NFKC: the same password typed on two keyboards must give the same bytes.
        byte[] secretBytes = Normalizer.normalize(secret, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        return slots.derive(secretBytes, salt, cost, Scrypt.KEY_BYTES);
    }

    private static Map<String, String> context(Purpose purpose, UUID owner) {
        return Map.of("purpose", "user-access-key/" + purpose.label, "account", owner.toString());
    }

    /** Version 1's CEK, for the credentials made before version 2. */
    private static byte[] combine(byte[] scryptHash, byte[] kmsRandom) {
        return Keyring.hmac(kmsRandom, CEK_LABEL, scryptHash);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
