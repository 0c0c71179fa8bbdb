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

    /**
     * The costs a stored credential may ask for. A cost read from the database above the ceiling is refused,
     * not computed (a tampered row must not stall the service: scrypt needs 128·N·r·p bytes and as much time);
     * one below the floor is refused too (a tampered row must not make a guess cheap, a downgrade).
     */
    record Bounds(Cost floor, Cost ceiling) {
        Bounds {
            if (!within(floor, ceiling, floor)) {
                throw new IllegalArgumentException("the scrypt floor must not exceed the ceiling");
            }
        }

        boolean admit(Cost cost) {
            return within(floor, ceiling, cost);
        }

        private static boolean within(Cost floor, Cost ceiling, Cost cost) {
            return cost.n() >= floor.n() && cost.n() <= ceiling.n() && cost.r() >= floor.r() && cost.r() <= ceiling.r()
                    && cost.p() >= floor.p() && cost.p() <= ceiling.p();
        }
    }

    static byte[] derive(byte[] secret, byte[] salt, Cost cost, int length) {
        return SCrypt.generate(secret, salt, cost.n(), cost.r(), cost.p(), length);
    }
}
