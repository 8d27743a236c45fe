package io.pb4j.core.internal.security;

import java.math.BigInteger;

/**
 * Blowfish's initial subkeys: the P-array and the four S-boxes are, in that order, the first 1042 32-bit words of
 * the fractional part of pi in hexadecimal. They are computed once at class initialisation instead of being typed
 * in as constants; {@code BcryptTest} pins a few known words.
 */
final class BlowfishTables {
    static final int P_WORDS = 18;
    static final int S_WORDS = 4 * 256;

    // Declared before WORDS: static initialisers run in textual order.
    private static final BigInteger C3_OVER_24 = BigInteger.valueOf(640320L * 640320L * 640320L / 24);

    /** P-array followed by S0..S3; never handed out, only copied. */
    private static final int[] WORDS = piFractionWords(P_WORDS + S_WORDS);

    private BlowfishTables() {
    }

    static int[] initialP() {
        int[] p = new int[P_WORDS];
        System.arraycopy(WORDS, 0, p, 0, P_WORDS);
        return p;
    }

    /** The four S-boxes back to back (S0 at 0, S1 at 256, ...). */
    static int[] initialS() {
        int[] s = new int[S_WORDS];
        System.arraycopy(WORDS, P_WORDS, s, 0, S_WORDS);
        return s;
    }

    /**
     * The Chudnovsky series, summed by binary splitting, in binary fixed point: a few hundred multiplications of
     * growing integers and one square root, a few milliseconds even before the JIT warms up. The square root is
     * truncated, which costs less than one unit in the last place; 64 guard bits keep that off the returned bits.
     */
    static int[] piFractionWords(int count) {
        int fractionBits = count * 32;
        int scale = fractionBits + 64;
        int terms = scale / 47 + 2; // each term adds about 47.1 bits
        BigInteger[] pqt = split(0, terms);
        BigInteger sqrt10005 = BigInteger.valueOf(10005).shiftLeft(2 * scale).sqrt();
        BigInteger pi = sqrt10005.multiply(BigInteger.valueOf(426880)).multiply(pqt[1]).divide(pqt[2]);
        BigInteger fraction = pi.subtract(BigInteger.valueOf(3).shiftLeft(scale)).shiftRight(64);
        byte[] bytes = fraction.toByteArray(); // big-endian, possibly shorter or with a sign byte
        byte[] exact = new byte[fractionBits / 8];
        int copy = Math.min(bytes.length, exact.length);
        System.arraycopy(bytes, bytes.length - copy, exact, exact.length - copy, copy);
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            int at = 4 * i;
            words[i] = (exact[at] & 0xff) << 24 | (exact[at + 1] & 0xff) << 16 | (exact[at + 2] & 0xff) << 8
                    | (exact[at + 3] & 0xff);
        }
        return words;
    }

    /** P, Q and T of the Chudnovsky terms {@code a <= k < b}. */
    private static BigInteger[] split(long a, long b) {
        if (b - a == 1) {
            if (a == 0) {
                return new BigInteger[] {BigInteger.ONE, BigInteger.ONE, BigInteger.valueOf(13591409)};
            }
            BigInteger p = BigInteger.valueOf((6 * a - 5) * (2 * a - 1) * (6 * a - 1));
            BigInteger q = BigInteger.valueOf(a * a * a).multiply(C3_OVER_24);
            BigInteger t = p.multiply(BigInteger.valueOf(13591409 + 545140134 * a));
            return new BigInteger[] {p, q, (a & 1) == 1 ? t.negate() : t};
        }
        long m = (a + b) / 2;
        BigInteger[] left = split(a, m);
        BigInteger[] right = split(m, b);
        return new BigInteger[] {
            left[0].multiply(right[0]),
            left[1].multiply(right[1]),
            left[2].multiply(right[1]).add(left[0].multiply(right[2])),
        };
    }
}
