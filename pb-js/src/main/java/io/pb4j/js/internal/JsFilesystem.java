package io.pb4j.js.internal;

import io.pb4j.core.field.UploadedFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.graalvm.polyglot.Value;

/**
 * PocketBase's {@code $filesystem}: files to set on a record's file field ({@code record.set("doc",
 * $filesystem.fileFromPath(path))}), from a path, bytes or a URL.
 */
public final class JsFilesystem {
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    public UploadedFile fileFromPath(String path) throws IOException {
        Path p = Path.of(path);
        return UploadedFile.of(p.getFileName().toString(), Files.readAllBytes(p));
    }

    /** A file of a multipart body ({@code e.findUploadedFiles(key)}'s or {@code e.request.formFile(key)}'s) as it is. */
    public UploadedFile fileFromMultipart(UploadedFile file) {
        return file;
    }

    public UploadedFile fileFromBytes(Value bytes, String name) {
        return UploadedFile.of(name, Convert.bytes(bytes));
    }

    public UploadedFile fileFromURL(String url, long timeoutSeconds) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(timeoutSeconds > 0 ? timeoutSeconds : 120)).build();
        HttpResponse<byte[]> res = CLIENT.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() < 200 || res.statusCode() > 399) {
            throw new IOException("failed to download url " + url + " (" + res.statusCode() + ")");
        }
        String path = URI.create(url).getPath();
        String name = path == null || path.isEmpty() || path.endsWith("/") ? "file" : path.substring(path.lastIndexOf('/') + 1);
        return UploadedFile.of(name, res.body());
    }
}
