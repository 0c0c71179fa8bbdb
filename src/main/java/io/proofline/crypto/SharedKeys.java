package io.proofline.crypto;

import java.util.List;

/**
 * The two service-wide keys, each derived once at start-up from its configured secret (as password and
 * salt, the Login.gov construction) and then cached: deriving them per request would only cost time. Each is
 * a ring: the current secret seals, the old ones (configured until the re-encryption has rewritten what they
 * sealed) still open.
 */
final class SharedKeys {

    private final ContentKey attributeKey;
    private final ContentKey sessionKey;

    SharedKeys(List<byte[]> attributeSecrets, List<byte[]> sessionSecrets, Scrypt.Cost cost, CryptoMetrics metrics) {
        this.attributeKey = derive(attributeSecrets, cost, metrics, "attribute-key");
        this.sessionKey = derive(sessionSecrets, cost, metrics, "session-key");
    }

    private static ContentKey derive(List<byte[]> secrets, Scrypt.Cost cost, CryptoMetrics metrics, String purpose) {
        return new ContentKey(secrets.stream().map(secret -> {
            metrics.scryptDerivation(purpose);
            return Scrypt.derive(secret, secret, cost, Scrypt.KEY_BYTES);
        }).toList());
    }

    ContentKey attributeKey() {
        return attributeKey;
    }

    ContentKey sessionKey() {
        return sessionKey;
    }
}
