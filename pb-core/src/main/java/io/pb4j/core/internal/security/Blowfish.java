package io.pb4j.core.internal.security;

/** Blowfish state with the two key schedules eksblowfish needs; one instance per hash computation. */
final class Blowfish {
    private final int[] p = BlowfishTables.initialP();
    private final int[] s = BlowfishTables.initialS();

    /** EksBlowfish's salted expansion: key into P, then re-encrypt the whole state, folding the salt in. */
    void expandKey(byte[] key, byte[] salt) {
        xorKeyIntoP(key);
        int[] cursor = {0};
        int[] lr = {0, 0};
        for (int i = 0; i < p.length; i += 2) {
            lr[0] ^= streamWord(salt, cursor);
            lr[1] ^= streamWord(salt, cursor);
            encipher(lr, 0);
            p[i] = lr[0];
            p[i + 1] = lr[1];
        }
        for (int i = 0; i < s.length; i += 2) {
            lr[0] ^= streamWord(salt, cursor);
            lr[1] ^= streamWord(salt, cursor);
            encipher(lr, 0);
            s[i] = lr[0];
            s[i + 1] = lr[1];
        }
    }

    /** The classic Blowfish key schedule (without a salt), applied to the current state. */
    void expandKey(byte[] key) {
        xorKeyIntoP(key);
        int[] lr = {0, 0};
        for (int i = 0; i < p.length; i += 2) {
            encipher(lr, 0);
            p[i] = lr[0];
            p[i + 1] = lr[1];
        }
        for (int i = 0; i < s.length; i += 2) {
            encipher(lr, 0);
            s[i] = lr[0];
            s[i + 1] = lr[1];
        }
    }

    /** Encrypts the 64-bit block {@code block[at], block[at + 1]} in place. */
    void encipher(int[] block, int at) {
        int[] p = this.p;
        int[] s = this.s;
        int l = block[at] ^ p[0];
        int r = block[at + 1];
        for (int i = 1; i <= 16; i += 2) {
            r ^= f(s, l) ^ p[i];
            l ^= f(s, r) ^ p[i + 1];
        }
        block[at] = r ^ p[17];
        block[at + 1] = l;
    }

    private static int f(int[] s, int x) {
        return ((s[x >>> 24] + s[0x100 | ((x >>> 16) & 0xff)]) ^ s[0x200 | ((x >>> 8) & 0xff)]) + s[0x300 | (x & 0xff)];
    }

    private void xorKeyIntoP(byte[] key) {
        int[] cursor = {0};
        for (int i = 0; i < p.length; i++) {
            p[i] ^= streamWord(key, cursor);
        }
    }

    /** The next four bytes of {@code data}, cycled, big-endian. */
    private static int streamWord(byte[] data, int[] cursor) {
        int word = 0;
        int j = cursor[0];
        for (int i = 0; i < 4; i++) {
            word = (word << 8) | (data[j] & 0xff);
            j = (j + 1) % data.length;
        }
        cursor[0] = j;
        return word;
    }
}
