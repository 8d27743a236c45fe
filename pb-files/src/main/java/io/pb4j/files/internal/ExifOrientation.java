package io.pb4j.files.internal;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A JPEG's EXIF orientation and its correction, as PocketBase's thumbs apply it ({@code imaging.Decode} with
 * {@code AutoOrientation(true)}): the tag is read from the first {@code APP1 Exif} segment of a JPEG only, and the
 * decoded image is flipped or rotated so that it shows upright.
 */
final class ExifOrientation {
    /** How far into a JPEG the orientation is looked for: its APP1 segment is at most 64 KiB and comes early. */
    static final int HEAD_BYTES = 256 << 10;
    private static final int TAG_ORIENTATION = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation (1–8) in a JPEG's first bytes; 1 (upright) when it is not a JPEG or names none. */
    static int read(byte[] head, int length) {
        ByteBuffer b = ByteBuffer.wrap(head, 0, length);
        if (length < 4 || (head[0] & 0xff) != 0xff || (head[1] & 0xff) != 0xd8) {
            return 1;
        }
        int pos = 2;
        while (pos + 4 <= length) {
            if ((head[pos] & 0xff) != 0xff) {
                return 1;
            }
            int marker = head[pos + 1] & 0xff;
            if (marker == 0xd9 || marker == 0xda) {
                return 1; // end of image or start of scan: no EXIF before the pixels
            }
            int size = b.getShort(pos + 2) & 0xffff;
            if (size < 2) {
                return 1;
            }
            int data = pos + 4;
            if (marker == 0xe1 && data + 6 <= length
                    && new String(head, data, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                return tiffOrientation(head, data + 6, Math.min(length, pos + 2 + size));
            }
            pos += 2 + size;
        }
        return 1;
    }

    /** The orientation tag of IFD0 in the TIFF structure at {@code [start, end)}. */
    private static int tiffOrientation(byte[] head, int start, int end) {
        if (start + 8 > end) {
            return 1;
        }
        ByteBuffer b = ByteBuffer.wrap(head, 0, end);
        if (head[start] == 'I' && head[start + 1] == 'I') {
            b.order(ByteOrder.LITTLE_ENDIAN);
        } else if (!(head[start] == 'M' && head[start + 1] == 'M')) {
            return 1;
        }
        if ((b.getShort(start + 2) & 0xffff) != 42) {
            return 1;
        }
        long ifd = start + (b.getInt(start + 4) & 0xffffffffL);
        if (ifd + 2 > end) {
            return 1;
        }
        int entries = b.getShort((int) ifd) & 0xffff;
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if ((b.getShort(entry) & 0xffff) == TAG_ORIENTATION) {
                int type = b.getShort(entry + 2) & 0xffff;
                int value = type == 3 ? b.getShort(entry + 8) & 0xffff : -1;
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** The image as it is meant to be seen: flipped and/or rotated by its EXIF orientation. */
    static BufferedImage apply(BufferedImage src, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        // AffineTransform(m00, m10, m01, m11, m02, m12): x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored left-right
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored top-bottom
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // turned 90° clockwise to show upright
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
            default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8: turned 90° counter-clockwise
        };
        boolean swap = orientation >= 5;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(src, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
