package io.proofline.crypto;

import org.bouncycastle.crypto.generators.SCrypt;

/** scrypt (RFC 7914) from Bouncy Castle, with its cost carried alongside each credential as {@code N$r$p}. */
final class Scrypt {

    static final int KEY_BYTES = 32;

    private Scrypt() {
    }

    record Cost(int n, int r, int p) {
        Cost {
            if (n < 2 || Integer.bitCount(n) != 1 || r < 1 || p < 1) {
                throw new IllegalArgumentException("scrypt cost needs N a power of two above 1, r >= 1, p >= 1");
            }
        }

        static Cost parse(String encoded) {
            String[] parts = encoded.split("\\$");
            return new Cost(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }

        String encoded() {
            return n + "$" + r + "$" + p;
        }
    }

    static byte[] derive(byte[] secret, byte[] salt, Cost cost, int length) {
        return SCrypt.generate(secret, salt, cost.n(), cost.r(), cost.p(), length);
    }
}
