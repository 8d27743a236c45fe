package io.pb4j.http;

import io.pb4j.core.PocketBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Helpers of the backup tests: raw bytes over HTTP, zips, and waiting for a background restore. */
final class BackupKit {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BackupKit() {
    }

    /** GETs {@code path} and returns the response with its body as bytes. */
    static HttpResponse<byte[]> getBytes(TestServer server, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(server.base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs {@code content} as the multipart file {@code file} named {@code filename} to the upload route. */
    static TestServer.Response upload(TestServer server, String token, String filename, byte[] content) {
        String boundary = "pb4jTestBoundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.base + "/api/backups/upload"))
                .header("Authorization", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new TestServer.Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A zip of the given entries (name → content). */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The names of a zip's entries. */
    static java.util.List<String> entryNames(byte[] zip) {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Extracts one entry of a zip file to {@code target}. */
    static void extractEntry(Path zip, String name, Path target) {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    Files.copy(in, target);
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(zip + " has no " + name);
    }

    /** Every row of {@code table} in the SQLite file {@code db}, read with plain JDBC: id → "col=value|…". */
    static Map<String, String> rows(Path db, String table) {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             ResultSet rs = c.createStatement().executeQuery("SELECT * FROM `" + table + "`")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getString(i)).append('|');
                }
                out.put(rs.getString("id"), b.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** A latch counted down when the next restore of {@code app} has finished (whether it worked or not). */
    static CountDownLatch nextRestore(PocketBase app) {
        CountDownLatch done = new CountDownLatch(1);
        String[] id = new String[1];
        id[0] = app.onBackupRestore().bind("", -1000, e -> {
            try {
                e.next();
            } finally {
                app.onBackupRestore().unbind(id[0]);
                done.countDown();
            }
        });
        return done;
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
