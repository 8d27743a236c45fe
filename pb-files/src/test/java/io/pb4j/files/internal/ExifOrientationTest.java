package io.pb4j.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {
    private static final int MARK = 0xffff0000;
    private static final int REST = 0xff0000ff;

    /** A w×h image, blue with a red top-left pixel. */
    private static BufferedImage marked(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, x == 0 && y == 0 ? MARK : REST);
            }
        }
        return img;
    }

    /** Where the red pixel is after correcting orientation {@code o} of a 3×2 image, and the new size. */
    private static int[] corrected(int o) {
        BufferedImage out = ExifOrientation.apply(marked(3, 2), o);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                if (out.getRGB(x, y) == MARK) {
                    return new int[] {out.getWidth(), out.getHeight(), x, y};
                }
            }
        }
        return new int[] {out.getWidth(), out.getHeight(), -1, -1};
    }

    @Test
    void everyOrientationIsCorrectedAsImagingDoes() {
        assertThat(corrected(1)).containsExactly(3, 2, 0, 0);
        assertThat(corrected(2)).containsExactly(3, 2, 2, 0); // flip horizontally
        assertThat(corrected(3)).containsExactly(3, 2, 2, 1); // rotate 180
        assertThat(corrected(4)).containsExactly(3, 2, 0, 1); // flip vertically
        assertThat(corrected(5)).containsExactly(2, 3, 0, 0); // transpose
        assertThat(corrected(6)).containsExactly(2, 3, 1, 0); // rotate 90 clockwise
        assertThat(corrected(7)).containsExactly(2, 3, 1, 2); // transverse
        assertThat(corrected(8)).containsExactly(2, 3, 0, 2); // rotate 90 counter-clockwise
    }

    /** A JPEG head: SOI, an APP0, then an APP1 Exif segment with IFD0 holding only the orientation tag. */
    static byte[] jpegHead(ByteOrder order, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(order);
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
        tiff.putShort((short) 42).putInt(8).putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 4, 1, 2});
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int size = 2 + exif.length + tiff.capacity();
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (size >> 8), (byte) size});
        out.writeBytes(exif);
        out.writeBytes(tiff.array());
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xda, 0, 2});
        return out.toByteArray();
    }

    @Test
    void theTagIsReadInEitherByteOrderAndOnlyFromJpegs() {
        for (int o = 1; o <= 8; o++) {
            byte[] be = jpegHead(ByteOrder.BIG_ENDIAN, o);
            byte[] le = jpegHead(ByteOrder.LITTLE_ENDIAN, o);
            assertThat(ExifOrientation.read(be, be.length)).isEqualTo(o);
            assertThat(ExifOrientation.read(le, le.length)).isEqualTo(o);
        }
        byte[] bogus = jpegHead(ByteOrder.BIG_ENDIAN, 9);
        assertThat(ExifOrientation.read(bogus, bogus.length)).isEqualTo(1);
        byte[] notJpeg = "\u0089PNG\r\n\u001a\n....".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ExifOrientation.read(notJpeg, notJpeg.length)).isEqualTo(1);
        byte[] cut = jpegHead(ByteOrder.BIG_ENDIAN, 6);
        assertThat(ExifOrientation.read(cut, 20)).isEqualTo(1);
    }
}
