package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.http.Uploads.Part;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ?thumb=} over real HTTP: every size form, formats, caching beside the original and concurrent first requests. */
class FileThumbsTest {
    private static TestServer server;
    private static String collectionId;

    @BeforeAll
    static void start() {
        server = new TestServer();
        String su = server.superuserToken();
        collectionId = Uploads.id(server.expect("POST", "/api/collections", su, """
                {"name":"pics","listRule":"","viewRule":"","createRule":"","updateRule":"",
                 "fields":[{"type":"file","name":"image","maxSelect":1,"maxSize":5000000,
                            "thumbs":["50x0","0x40","60x30t","60x30b","60x30f","60x30","200x200f"]},
                           {"type":"file","name":"doc","maxSelect":1}]}""", 200));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Uploads an image and returns its URL. */
    private static String upload(String format, String filename, int w, int h) {
        Uploads.Response r = Uploads.multipart(server, "POST", "/api/collections/pics/records", null,
                Part.file("image", filename, Uploads.image(format, w, h)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return "/api/files/pics/" + Uploads.id(r.text()) + "/" + Uploads.names(r.text(), "image").getFirst();
    }

    @Test
    void everySizeFormMakesThumbsOfTheRightDimensions() {
        String url = upload("png", "wide.png", 200, 100);
        assertThat(Uploads.size(Uploads.get(server, url + "?thumb=100x100").body())).containsExactly(100, 100);
        assertThat(Uploads.size(Uploads.get(server, url + "?thumb=50x0").body())).containsExactly(50, 25);
        assertThat(Uploads.size(Uploads.get(server, url + "?thumb=0x40").body())).containsExactly(80, 40);
        assertThat(Uploads.size(Uploads.get(server, url + "?thumb=60x30t").body())).containsExactly(60, 30);
        assertThat(Uploads.size(Uploads.get(server, url + "?thumb=60x30b").body())).containsExactly(60, 30);
        assertThat(Uploads.size(Uploads.get(server, url + "?thumb=60x30").body())).containsExactly(60, 30);
        assertThat(Uploads.size(Uploads.get(server, url + "?thumb=60x30f").body())).containsExactly(60, 30);
        // fit never enlarges
        assertThat(Uploads.size(Uploads.get(server, url + "?thumb=200x200f").body())).containsExactly(200, 100);
        Uploads.Response thumb = Uploads.get(server, url + "?thumb=100x100");
        assertThat(thumb.header("Content-Type")).isEqualTo("image/png");
        assertThat(thumb.header("Content-Disposition")).startsWith("inline; filename=\"100x100_wide_");
    }

    @Test
    void sizesNotListedOnTheFieldServeTheOriginal() {
        String url = upload("png", "orig.png", 120, 90);
        Uploads.Response r = Uploads.get(server, url + "?thumb=70x70");
        assertThat(r.status()).isEqualTo(200);
        assertThat(Uploads.size(r.body())).containsExactly(120, 90);
        assertThat(r.header("Content-Disposition")).startsWith("inline; filename=\"orig_");
    }

    @Test
    void jpegAndGifKeepTheirFormat() {
        Uploads.Response jpeg = Uploads.get(server, upload("jpeg", "photo.jpg", 150, 150) + "?thumb=100x100");
        assertThat(jpeg.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(Uploads.size(jpeg.body())).containsExactly(100, 100);
        Uploads.Response gif = Uploads.get(server, upload("gif", "anim.gif", 150, 120) + "?thumb=50x0");
        assertThat(gif.header("Content-Type")).isEqualTo("image/gif");
        assertThat(Uploads.size(gif.body())).containsExactly(50, 40);
    }

    @Test
    void thumbsAreCachedBesideTheOriginal() throws Exception {
        String url = upload("png", "cache.png", 100, 100);
        String[] parts = url.split("/");
        String recordId = parts[4];
        String name = parts[5];
        Uploads.Response first = Uploads.get(server, url + "?thumb=50x0");
        Path thumb = server.dir.resolve("storage").resolve(collectionId).resolve(recordId).resolve("thumbs_" + name).resolve("50x0_" + name);
        assertThat(thumb).hasBinaryContent(first.body());
        assertThat(thumb.resolveSibling("50x0_" + name + ".attrs")).exists();
        long modified = Files.getLastModifiedTime(thumb).toMillis();
        Thread.sleep(20);
        assertThat(Uploads.get(server, url + "?thumb=50x0").body()).isEqualTo(first.body());
        assertThat(Files.getLastModifiedTime(thumb).toMillis()).isEqualTo(modified);
    }

    @Test
    void concurrentFirstRequestsGetTheSameThumb() throws Exception {
        String url = upload("png", "busy.png", 800, 600);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Uploads.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(pool.submit(() -> Uploads.get(server, url + "?thumb=60x30")));
            }
            byte[] expected = null;
            for (Future<Uploads.Response> f : answers) {
                Uploads.Response r = f.get();
                assertThat(r.status()).isEqualTo(200);
                assertThat(Uploads.size(r.body())).containsExactly(60, 30);
                if (expected == null) {
                    expected = r.body();
                }
                assertThat(r.body()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
        String[] parts = url.split("/");
        Path thumbs = server.dir.resolve("storage").resolve(collectionId).resolve(parts[4]).resolve("thumbs_" + parts[5]);
        try (Stream<Path> files = Files.list(thumbs)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder(
                    "60x30_" + parts[5], "60x30_" + parts[5] + ".attrs");
        }
    }

    @Test
    void aNonImageIgnoresTheThumbParameter() {
        Uploads.Response r = Uploads.multipart(server, "POST", "/api/collections/pics/records", null,
                Part.file("doc", "notes.txt", "plain text".getBytes()));
        String url = "/api/files/pics/" + Uploads.id(r.text()) + "/" + Uploads.names(r.text(), "doc").getFirst();
        Uploads.Response served = Uploads.get(server, url + "?thumb=100x100");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.text()).isEqualTo("plain text");
    }

    @Test
    void aStoredImageClaimingAHugeCanvasFallsBackToTheOriginal() {
        // a valid PNG header that claims 100000 x 100000 pixels: decoding it would need 40 GB. Uploads refuse it
        // (ImageFilesTest), so it stands for a file already in the storage (e.g. a PocketBase pb_data).
        byte[] bomb = pngHeader(100_000, 100_000);
        Uploads.Response r = Uploads.multipart(server, "POST", "/api/collections/pics/records", null,
                Part.file("image", "bomb.png", Uploads.image("png", 10, 10)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        String name = Uploads.names(r.text(), "image").getFirst();
        server.app.files().upload(collectionId + "/" + Uploads.id(r.text()) + "/" + name, bomb, "bomb.png");
        String url = "/api/files/pics/" + Uploads.id(r.text()) + "/" + name;
        Uploads.Response served = Uploads.get(server, url + "?thumb=100x100");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(bomb);
    }

    private static byte[] pngHeader(int w, int h) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        byte[] ihdr = java.nio.ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        chunk(out, "IHDR", ihdr);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes());
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(type.getBytes());
        out.writeBytes(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
