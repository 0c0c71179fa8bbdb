package io.proofline.crypto;

/**
 * The two service-wide keys, each derived once at start-up from its configured secret (as password and
 * salt, the Login.gov construction) and then cached: deriving them per request would only cost time.
 */
final class SharedKeys {

    private final ContentKey attributeKey;
    private final ContentKey sessionKey;

    SharedKeys(byte[] attributeSecret, byte[] sessionSecret, Scrypt.Cost cost, CryptoMetrics metrics) {
        this.attributeKey = derive(attributeSecret, cost, metrics, "attribute-key");
        this.sessionKey = derive(sessionSecret, cost, metrics, "session-key");
    }

    private static ContentKey derive(byte[] secret, Scrypt.Cost cost, CryptoMetrics metrics, String purpose) {
        metrics.scryptDerivation(purpose);
        return new ContentKey(Scrypt.derive(secret, secret, cost, Scrypt.KEY_BYTES));
    }

    ContentKey attributeKey() {
        return attributeKey;
    }

    ContentKey sessionKey() {
        return sessionKey;
    }
}
