package io.pb4j.files.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.regex.Matcher;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Resizes an image as PocketBase's {@code CreateThumb} (with the {@code imaging} package, linear filter): {@code WxH}
 * fills and crops from the center, {@code t}/{@code b} crop from the top/bottom, {@code f} fits inside without
 * cropping or enlarging, and a 0 side keeps the aspect ratio. A JPEG is first turned upright by its EXIF orientation.
 * The first frame of an animation is used. JPEG stays
 * JPEG and GIF stays GIF; everything else (PNG, WebP) becomes PNG. Images over {@link #MAX_PIXELS} are refused before
 * they are decoded, so a small file that claims a huge canvas (a decompression bomb) cannot exhaust memory.
 */
final class ThumbImages {
    static final long MAX_PIXELS = ImageHeaders.MAX_PIXELS;

    private ThumbImages() {
    }

    static void write(InputStream original, String contentType, String size, OutputStream out) throws IOException {
        Matcher m = FileField.THUMB_SIZE.matcher(size);
        if (!m.matches()) {
            throw new IllegalArgumentException("thumb size must be in WxH, WxHt, WxHb or WxHf format");
        }
        int width = Integer.parseInt(m.group(1));
        int height = Integer.parseInt(m.group(2));
        String mode = m.group(3) == null ? "" : m.group(3);
        if (width == 0 && height == 0) {
            throw new IllegalArgumentException("thumb width and height cannot be zero at the same time");
        }
        BufferedInputStream in = new BufferedInputStream(original, 64 << 10);
        in.mark(ExifOrientation.HEAD_BYTES);
        byte[] head = in.readNBytes(ExifOrientation.HEAD_BYTES);
        in.reset();
        BufferedImage src = ExifOrientation.apply(decode(in), ExifOrientation.read(head, head.length));
        BufferedImage thumb;
        if (width == 0 || height == 0) {
            int w = width == 0 ? Math.max(1, (int) Math.round((double) src.getWidth() * height / src.getHeight())) : width;
            int h = height == 0 ? Math.max(1, (int) Math.round((double) src.getHeight() * width / src.getWidth())) : height;
            thumb = scale(src, w, h);
        } else if ("f".equals(mode)) {
            thumb = fit(src, width, height);
        } else {
            thumb = fill(src, width, height, mode);
        }
        String format = switch (contentType) {
            case "image/jpeg", "image/jpg" -> "jpeg";
            case "image/gif" -> "gif";
            default -> "png";
        };
        if (format.equals("jpeg") || format.equals("gif")) {
            thumb = opaqueOrIndexedSafe(thumb, format);
        }
        if (!ImageIO.write(thumb, format, out)) {
            throw new IOException("no image writer for " + format);
        }
    }

    private static BufferedImage decode(InputStream in) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            ImageReader reader = reader(stream);
            try {
                reader.setInput(stream, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new IOException("the image is too large for a thumb (" + reader.getWidth(0) + "x" + reader.getHeight(0) + ")");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageReader reader(ImageInputStream stream) throws IOException {
        Iterator<ImageReader> readers = stream == null ? null : ImageIO.getImageReaders(stream);
        if (readers == null || !readers.hasNext()) {
            throw new IOException("unsupported image format");
        }
        return readers.next();
    }

    private static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(stepDown(src, w, h), 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Halves the image while it is over twice the target, so bilinear scaling does not skip most pixels. */
    private static BufferedImage stepDown(BufferedImage src, int w, int h) {
        BufferedImage cur = src;
        while (cur.getWidth() / 2 >= w && cur.getHeight() / 2 >= h && cur.getWidth() > 1 && cur.getHeight() > 1) {
            int nw = cur.getWidth() / 2;
            int nh = cur.getHeight() / 2;
            BufferedImage half = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = half.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(cur, 0, 0, nw, nh, null);
            g.dispose();
            cur = half;
        }
        return cur;
    }

    /** imaging.Fit: scaled down to fit inside w×h keeping the aspect ratio; a smaller image is kept as it is. */
    private static BufferedImage fit(BufferedImage src, int w, int h) {
        if (src.getWidth() <= w && src.getHeight() <= h) {
            return src;
        }
        double ratio = Math.min((double) w / src.getWidth(), (double) h / src.getHeight());
        return scale(src, Math.max(1, (int) Math.round(src.getWidth() * ratio)), Math.max(1, (int) Math.round(src.getHeight() * ratio)));
    }

    /** imaging.Fill: scaled to cover w×h, then cropped to it from the center, top or bottom. */
    private static BufferedImage fill(BufferedImage src, int w, int h, String anchor) {
        double ratio = Math.max((double) w / src.getWidth(), (double) h / src.getHeight());
        int sw = Math.max(w, (int) Math.round(src.getWidth() * ratio));
        int sh = Math.max(h, (int) Math.round(src.getHeight() * ratio));
        BufferedImage scaled = scale(src, sw, sh);
        int x = (sw - w) / 2;
        int y = switch (anchor) {
            case "t" -> 0;
            case "b" -> sh - h;
            default -> (sh - h) / 2;
        };
        return scaled.getSubimage(x, y, w, h);
    }

    /** JPEG has no alpha and GIF needs an indexed image: draw onto a white RGB canvas (GIF's writer palettizes it). */
    private static BufferedImage opaqueOrIndexedSafe(BufferedImage img, String format) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }
}
