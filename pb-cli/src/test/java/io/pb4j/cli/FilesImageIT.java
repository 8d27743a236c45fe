package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jlink image serves files: a {@code file} field is accepted, a multipart upload is stored under
 * {@code pb_data/storage}. In an image built with {@code -Dpb4j.thumbs} a thumb is made (so java.desktop's ImageIO is
 * in the image), of a PNG and of a WebP (so the WebP reader's modules are in the image and found); the default image
 * has no java.desktop, so a thumb request gets the original file, as PocketBase answers when a thumb cannot be made.
 */
class FilesImageIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("pb4j.image", "target/image")).resolve("bin/pb4j");

    @TempDir
    Path tmp;

    @Test
    void uploadsAreStoredAndThumbedInTheImage() throws Exception {
        Path dataDir = tmp.resolve("pb_data");
        Process upsert = new ProcessBuilder(LAUNCHER.toString(), "superuser", "upsert", "files@example.com", "1234567890",
                "--dir=" + dataDir).redirectErrorStream(true).redirectOutput(tmp.resolve("upsert.out").toFile()).start();
        assertThat(upsert.waitFor(60, TimeUnit.SECONDS)).isTrue();
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process server = new ProcessBuilder(LAUNCHER.toString(), "serve", "--http=127.0.0.1:" + port, "--dir=" + dataDir)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("serve.out").toFile()).start();
        String base = "http://127.0.0.1:" + port;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (request("GET", base + "/api/health", null, null, null).status() != 200) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    fail("the image did not serve");
                }
                Thread.sleep(50);
            }
            String token = field(request("POST", base + "/api/collections/_superusers/auth-with-password", null, "application/json",
                    "{\"identity\":\"files@example.com\",\"password\":\"1234567890\"}".getBytes(StandardCharsets.UTF_8)).text(), "token");
            Response created = request("POST", base + "/api/collections", token, "application/json",
                    ("{\"name\":\"pics\",\"viewRule\":\"\",\"createRule\":\"\",\"fields\":[{\"name\":\"image\",\"type\":\"file\","
                            + "\"mimeTypes\":[\"image/png\",\"image/webp\"]}]}").getBytes(StandardCharsets.UTF_8));
            assertThat(created.status()).as(created.text()).isEqualTo(200);
            Response record = upload(base, "red.png", png(300, 200));
            assertThat(record.status()).as(record.text()).isEqualTo(200);
            String id = field(record.text(), "id");
            String name = field(record.text(), "image");
            assertThat(name).matches("red_[a-z0-9]{10}\\.png");
            Response thumb = request("GET", base + "/api/files/pics/" + id + "/" + name + "?thumb=100x100", null, null, null);
            assertThat(thumb.status()).isEqualTo(200);
            if (!CliRunner.imageHas("java.desktop")) {
                // no ImageIO: the original, with nothing written under thumbs_, and the reason logged once
                assertThat(thumb.body()).isEqualTo(png(300, 200));
                assertThat(dataDir.resolve("storage")).isDirectoryRecursivelyContaining("glob:**/" + name);
                try (var walk = java.nio.file.Files.walk(dataDir.resolve("storage"))) {
                    assertThat(walk.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("thumbs_"));
                }
                request("GET", base + "/api/files/pics/" + id + "/" + name + "?thumb=100x100", null, null, null);
                String log = java.nio.file.Files.readString(tmp.resolve("serve.out"));
                assertThat(log.split("thumbs are not available", -1)).hasSize(2);
                // an upload is still checked from its header (java.base alone): a PNG that is not one is refused
                Response fake = upload(base, "fake.png", "\u0089PNG\r\n\u001a\ngarbage".getBytes(StandardCharsets.ISO_8859_1));
                assertThat(fake.status()).isEqualTo(400);
                assertThat(fake.text()).contains("validation_invalid_image");
                return;
            }
            ByteBuffer ihdr = ByteBuffer.wrap(thumb.body(), 16, 8);
            assertThat(new int[] {ihdr.getInt(), ihdr.getInt()}).containsExactly(100, 100);
            assertThat(dataDir.resolve("storage")).isDirectoryRecursivelyContaining("glob:**/thumbs_" + name + "/100x100_" + name);

            // WebP is read by TwelveMonkeys' ImageIO plugin, whose jars get module descriptors for the image; its
            // thumbs are PNG. A 40x20 lossless WebP made once with libwebp's cwebp -lossless.
            byte[] webp = java.util.Base64.getDecoder().decode("UklGRioAAABXRUJQVlA4TB4AAAAvJ8AEAA8wFKdAPg73/EcLBAKEA/+1BgRE9D9K2AM=");
            Response webpRecord = upload(base, "pic.webp", webp);
            assertThat(webpRecord.status()).as(webpRecord.text()).isEqualTo(200);
            String webpName = field(webpRecord.text(), "image");
            Response webpThumb = request("GET", base + "/api/files/pics/" + field(webpRecord.text(), "id") + "/" + webpName + "?thumb=100x100",
                    null, null, null);
            assertThat(webpThumb.status()).isEqualTo(200);
            assertThat(new String(webpThumb.body(), 1, 3, StandardCharsets.ISO_8859_1)).isEqualTo("PNG");
            ByteBuffer webpIhdr = ByteBuffer.wrap(webpThumb.body(), 16, 8);
            assertThat(new int[] {webpIhdr.getInt(), webpIhdr.getInt()}).containsExactly(100, 100);
            assertThat(dataDir.resolve("storage")).isDirectoryRecursivelyContaining("glob:**/thumbs_" + webpName + "/100x100_" + webpName);
        } finally {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }

    private static Response upload(String base, String filename, byte[] content) {
        String boundary = "pb4jImageBoundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request("POST", base + "/api/collections/pics/records", null, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static Response request(String method, String url, String token, String type, byte[] body) {
        try {
            var c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(1000);
            c.setReadTimeout(30000);
            if (token != null) {
                c.setRequestProperty("Authorization", token);
            }
            if (body != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", type);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            var in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            return new Response(status, in == null ? new byte[0] : in.readAllBytes());
        } catch (IOException notYet) {
            return new Response(-1, new byte[0]);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            fail("no %s in %s", name, json);
        }
        return m.group(1);
    }

    /** A w×h red RGB PNG, built with java.util.zip. */
    private static byte[] png(int w, int h) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < h; y++) {
            raw.write(0);
            for (int x = 0; x < w; x++) {
                raw.writeBytes(new byte[] {(byte) 255, 0, 0});
            }
        }
        Deflater deflater = new Deflater();
        deflater.setInput(raw.toByteArray());
        deflater.finish();
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!deflater.finished()) {
            idat.write(buf, 0, deflater.deflate(buf));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put(new byte[3]).array());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
