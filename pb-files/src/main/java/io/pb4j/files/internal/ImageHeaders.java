package io.pb4j.files.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The width and height a PNG, GIF, JPEG or WebP header declares, read with java.base alone (no ImageIO), so that the
 * upload check works in an image without {@code java.desktop} and never decodes a pixel: a decompression bomb is
 * refused from its first bytes. Reads at most the chunks before the image data (JPEG: the markers before its frame
 * header). Stateless.
 */
final class ImageHeaders {
    /** 64 megapixels: larger than any camera picture PocketBase users upload, far below what would exhaust the heap. */
    static final long MAX_PIXELS = 64L << 20;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImageHeaders() {
    }

    /** Width and height, or empty when the content is none of the four formats or its header is broken. */
    static Optional<int[]> dimensions(InputStream content) {
        try {
            DataInputStream in = new DataInputStream(content);
            byte[] head = in.readNBytes(12);
            if (head.length < 12) {
                return Optional.empty();
            }
            int[] size;
            if (Arrays.equals(head, 0, 8, PNG, 0, 8)) {
                size = png(head, in);
            } else if (head[0] == 'G' && head[1] == 'I' && head[2] == 'F') {
                size = new int[] {le16(head, 6), le16(head, 8)};
            } else if ((head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8) {
                size = jpeg(head, in);
            } else if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
                size = webp(in);
            } else {
                return Optional.empty();
            }
            return size[0] > 0 && size[1] > 0 ? Optional.of(size) : Optional.empty();
        } catch (IOException | RuntimeException broken) {
            return Optional.empty();
        }
    }

    /** The IHDR chunk, which must come first: length 13, then width and height as big-endian 32-bit. */
    private static int[] png(byte[] head, DataInputStream in) throws IOException {
        if (be32(head, 8) != 13) {
            throw new IOException("no IHDR");
        }
        byte[] ihdr = in.readNBytes(12);
        if (ihdr.length < 12 || !ascii(ihdr, 0, "IHDR")) {
            throw new IOException("no IHDR");
        }
        return new int[] {be32(ihdr, 4), be32(ihdr, 8)};
    }

    /** Walks the markers after SOI up to the first start-of-frame (SOF0..SOF15 except DHT, JPG and DAC). */
    private static int[] jpeg(byte[] head, DataInputStream in) throws IOException {
        // the 10 bytes after SOI already read go back in front of the stream
        DataInputStream s = new DataInputStream(new java.io.SequenceInputStream(
                new java.io.ByteArrayInputStream(head, 2, head.length - 2), in));
        while (true) {
            int b = s.readUnsignedByte();
            if (b != 0xff) {
                throw new IOException("not a marker");
            }
            int marker = s.readUnsignedByte();
            while (marker == 0xff) {
                marker = s.readUnsignedByte(); // fill bytes
            }
            if (marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01) {
                continue; // markers without a length
            }
            if (marker == 0xd9 || marker == 0xda) {
                throw new IOException("no frame header before the image data");
            }
            int length = s.readUnsignedShort();
            if (length < 2) {
                throw new IOException("bad segment length");
            }
            if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
                s.readUnsignedByte(); // sample precision
                int height = s.readUnsignedShort();
                int width = s.readUnsignedShort();
                return new int[] {width, height};
            }
            s.skipNBytes(length - 2);
        }
    }

    /** The first chunk: VP8 (lossy), VP8L (lossless) or VP8X (extended, with the canvas size). */
    private static int[] webp(DataInputStream in) throws IOException {
        byte[] chunk = in.readNBytes(8 + 10);
        if (chunk.length < 18) {
            throw new EOFException();
        }
        if (ascii(chunk, 0, "VP8 ")) {
            // frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height
            if ((chunk[11] & 0xff) != 0x9d || (chunk[12] & 0xff) != 0x01 || (chunk[13] & 0xff) != 0x2a) {
                throw new IOException("no VP8 start code");
            }
            return new int[] {le16(chunk, 14) & 0x3fff, le16(chunk, 16) & 0x3fff};
        }
        if (ascii(chunk, 0, "VP8L")) {
            if ((chunk[8] & 0xff) != 0x2f) {
                throw new IOException("no VP8L signature");
            }
            long bits = (chunk[9] & 0xffL) | (chunk[10] & 0xffL) << 8 | (chunk[11] & 0xffL) << 16 | (chunk[12] & 0xffL) << 24;
            return new int[] {(int) (bits & 0x3fff) + 1, (int) ((bits >> 14) & 0x3fff) + 1};
        }
        if (ascii(chunk, 0, "VP8X")) {
            return new int[] {le24(chunk, 12) + 1, le24(chunk, 15) + 1};
        }
        throw new IOException("unknown WebP chunk");
    }

    private static boolean ascii(byte[] b, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int be32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int le24(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
    }
}
