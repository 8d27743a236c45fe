package io.pb4j.core.internal.security;

import java.util.Arrays;

/** Base64 with bcrypt's alphabet {@code ./A-Za-z0-9} and no padding. */
final class BcryptBase64 {
    private static final char[] ALPHABET =
            "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = (byte) i;
        }
    }

    private BcryptBase64() {
    }

    static void encode(byte[] data, StringBuilder out) {
        int i = 0;
        while (i < data.length) {
            int b0 = data[i++] & 0xff;
            out.append(ALPHABET[b0 >>> 2]);
            if (i == data.length) {
                out.append(ALPHABET[(b0 & 0x03) << 4]);
                return;
            }
            int b1 = data[i++] & 0xff;
            out.append(ALPHABET[((b0 & 0x03) << 4) | (b1 >>> 4)]);
            if (i == data.length) {
                out.append(ALPHABET[(b1 & 0x0f) << 2]);
                return;
            }
            int b2 = data[i++] & 0xff;
            out.append(ALPHABET[((b1 & 0x0f) << 2) | (b2 >>> 6)]);
            out.append(ALPHABET[b2 & 0x3f]);
        }
    }

    /**
     * Decodes {@code length} characters of {@code text} starting at {@code from} into {@code bytes} bytes; bits left
     * over in the last character are ignored, as every bcrypt implementation does. Null if a character is not in
     * the alphabet.
     */
    static byte[] decode(String text, int from, int length, int bytes) {
        byte[] out = new byte[bytes];
        long buffer = 0;
        int bits = 0;
        int written = 0;
        for (int i = from; i < from + length && written < bytes; i++) {
            char c = text.charAt(i);
            int value = c < 128 ? VALUES[c] : -1;
            if (value < 0) {
                return null;
            }
            buffer = (buffer << 6) | value;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[written++] = (byte) (buffer >>> bits);
            }
        }
        return written == bytes ? out : null;
    }
}
