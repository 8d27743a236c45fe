package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.http.Uploads.Part;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Images over real HTTP: WebP thumbs (lossy and lossless), thumbs of EXIF-rotated JPEGs shown upright, and uploads
 * refused with a 400 and nothing on disk for a decompression bomb and for files that only claim to be images.
 */
class ImageFilesTest {
    /**
     * 40×20 WebP images, the left half red (220,20,20) and the right half blue (20,20,220), made once from such a PNG
     * with libwebp 1.2.4's {@code cwebp -q 80} (lossy, VP8) and {@code cwebp -lossless} (VP8L).
     */
    static final byte[] LOSSY_WEBP = Base64.getDecoder().decode(
            "UklGRnYAAABXRUJQVlA4IGoAAAAQBQCdASooABQAPm0skkWkIqGYBABABsSgDKLpB8oHIBDAPwArv/cAANbZBF90FRgAAP7wOEP/cd0c4T3/"
                    + "94z/uy/dl8szq0atPq+is/0I7uT9g/yac522HBlCnnlQnwrdKZX7lVlNAAAA");
    static final byte[] LOSSLESS_WEBP = Base64.getDecoder().decode(
            "UklGRioAAABXRUJQVlA4TB4AAAAvJ8AEAA8wFKdAPg73/EcLBAKEA/+1BgRE9D9K2AM=");

    private static TestServer server;
    private static String collectionId;

    @BeforeAll
    static void start() {
        server = new TestServer();
        String su = server.superuserToken();
        collectionId = Uploads.id(server.expect("POST", "/api/collections", su, """
                {"name":"pics","viewRule":"","createRule":"",
                 "fields":[{"type":"text","name":"title"},
                           {"type":"file","name":"image","maxSelect":1,"maxSize":5000000,"thumbs":["100x100f","20x0"]},
                           {"type":"file","name":"any","maxSelect":1}]}""", 200));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String upload(String field, String filename, byte[] content) {
        Uploads.Response r = Uploads.multipart(server, "POST", "/api/collections/pics/records", null, Part.file(field, filename, content));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return "/api/files/pics/" + Uploads.id(r.text()) + "/" + Uploads.names(r.text(), field).getFirst();
    }

    private static BufferedImage decode(byte[] image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean reddish(int rgb) {
        return ((rgb >> 16) & 0xff) > 150 && (rgb & 0xff) < 100;
    }

    private static boolean bluish(int rgb) {
        return (rgb & 0xff) > 150 && ((rgb >> 16) & 0xff) < 100;
    }

    @Test
    void lossyAndLosslessWebpGetPngThumbs() {
        for (byte[] webp : new byte[][] {LOSSY_WEBP, LOSSLESS_WEBP}) {
            String url = upload("image", "pic.webp", webp);
            Uploads.Response original = Uploads.get(server, url);
            assertThat(original.header("Content-Type")).isEqualTo("image/webp");
            Uploads.Response thumb = Uploads.get(server, url + "?thumb=100x100");
            assertThat(thumb.status()).isEqualTo(200);
            // PocketBase writes the thumbs of WebP images as PNG
            assertThat(thumb.header("Content-Type")).isEqualTo("image/png");
            BufferedImage img = decode(thumb.body());
            assertThat(img.getWidth()).isEqualTo(100);
            assertThat(img.getHeight()).isEqualTo(100);
            assertThat(reddish(img.getRGB(10, 50))).as("left is red").isTrue();
            assertThat(bluish(img.getRGB(90, 50))).as("right is blue").isTrue();
            assertThat(Uploads.size(Uploads.get(server, url + "?thumb=20x0").body())).containsExactly(20, 10);
        }
    }

    /** A 40×20 JPEG, left half red, right half blue, with an EXIF APP1 segment naming {@code orientation}. */
    static byte[] rotatedJpeg(int orientation) {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                img.setRGB(x, y, x < 20 ? 0xdc1414 : 0x1414dc);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpeg", jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] plain = jpeg.toByteArray();
        // big-endian TIFF: header, IFD0 with one SHORT entry (0x0112 orientation), no next IFD
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8).putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0).putInt(0);
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int size = 2 + exif.length + tiff.capacity();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (size >> 8), (byte) size});
        out.writeBytes(exif);
        out.writeBytes(tiff.array());
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    @Test
    void jpegThumbsAreTurnedUprightByTheirExifOrientation() {
        // 6: stored turned 90° counter-clockwise, shown turned clockwise: the left (red) half becomes the top
        BufferedImage six = decode(Uploads.get(server, upload("image", "six.jpg", rotatedJpeg(6)) + "?thumb=100x100f").body());
        assertThat(six.getWidth()).isEqualTo(20);
        assertThat(six.getHeight()).isEqualTo(40);
        assertThat(reddish(six.getRGB(10, 5))).as("top is red").isTrue();
        assertThat(bluish(six.getRGB(10, 35))).as("bottom is blue").isTrue();
        // 8: turned counter-clockwise: the left (red) half becomes the bottom
        BufferedImage eight = decode(Uploads.get(server, upload("image", "eight.jpg", rotatedJpeg(8)) + "?thumb=100x100f").body());
        assertThat(eight.getWidth()).isEqualTo(20);
        assertThat(bluish(eight.getRGB(10, 5))).as("top is blue").isTrue();
        assertThat(reddish(eight.getRGB(10, 35))).as("bottom is red").isTrue();
        // 3: upside down: red moves to the right
        BufferedImage three = decode(Uploads.get(server, upload("image", "three.jpg", rotatedJpeg(3)) + "?thumb=100x100f").body());
        assertThat(three.getWidth()).isEqualTo(40);
        assertThat(bluish(three.getRGB(5, 10))).isTrue();
        assertThat(reddish(three.getRGB(35, 10))).isTrue();
        // the original is served as it was uploaded
        BufferedImage original = decode(Uploads.get(server, upload("image", "orig.jpg", rotatedJpeg(6))).body());
        assertThat(original.getWidth()).isEqualTo(40);
    }

    private static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        return b.putInt((int) crc.getValue()).array();
    }

    /** A PNG of a few hundred bytes declaring a {@code w}×{@code h} grayscale canvas (its pixel data is cut short). */
    static byte[] bombPng(int w, int h) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[64 << 10]);
        deflater.finish();
        byte[] idat = new byte[1 << 10];
        int n = deflater.deflate(idat);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        out.writeBytes(pngChunk("IHDR", ihdr.array()));
        out.writeBytes(pngChunk("IDAT", java.util.Arrays.copyOf(idat, n)));
        out.writeBytes(pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    private static long storedFiles() throws IOException {
        Path dir = server.dir.resolve("storage").resolve(collectionId);
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static String refused(String field, String filename, byte[] content) throws IOException {
        long before = storedFiles();
        long records = countRecords();
        Uploads.Response r = Uploads.multipart(server, "POST", "/api/collections/pics/records", null,
                Part.text("title", "refused"), Part.file(field, filename, content));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.text()).contains("\"message\":\"Failed to create record.\"");
        assertThat(storedFiles()).as("files on disk").isEqualTo(before);
        assertThat(countRecords()).isEqualTo(records);
        return r.text();
    }

    private static long countRecords() {
        String body = server.expect("GET", "/api/collections/pics/records?perPage=1", server.superuserToken(), null, 200);
        return jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject().getInt("totalItems");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithNothingStored() throws IOException {
        byte[] bomb = bombPng(100_000, 100_000);
        assertThat(bomb.length).isLessThan(1000);
        for (String field : new String[] {"image", "any"}) {
            String body = refused(field, "bomb.png", bomb);
            assertThat(body).contains("\"" + field + "\":{\"code\":\"validation_image_too_large\","
                    + "\"message\":\"Failed to upload bomb.png - the image is 100000x100000 pixels, more than the allowed 67108864.\"");
        }
        // just under the limit is fine (the header is all that is read)
        upload("any", "big.png", bombPng(8192, 8192));
    }

    @Test
    void filesThatOnlyClaimToBeImagesAreRefused() throws IOException {
        byte[] text = "definitely not a picture".getBytes(StandardCharsets.UTF_8);
        String body = refused("any", "photo.png", text);
        assertThat(body).contains("\"any\":{\"code\":\"validation_invalid_image\","
                + "\"message\":\"Failed to upload photo.png - the file is not a valid image.\"");
        // a PNG signature followed by garbage sniffs as PNG but has no readable header
        byte[] fakePng = "\u0089PNG\r\n\u001a\ngarbage garbage garbage".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(refused("any", "upload.bin", fakePng)).contains("\"code\":\"validation_invalid_image\"");
        assertThat(refused("image", "x.jpg", text)).contains("\"code\":\"validation_invalid_image\"");
        // files that do not claim to be images are not looked at
        upload("any", "notes.txt", text);
    }
}
