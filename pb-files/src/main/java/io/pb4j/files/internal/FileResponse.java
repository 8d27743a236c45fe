package io.pb4j.files.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.FileStorage;
import io.pb4j.core.router.RequestEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Writes a stored file as PocketBase's {@code filesystem.Serve} with Go's {@code http.ServeContent}: inline for safe
 * media types and attachment otherwise (or with {@code ?download=1}), the sniffed content type (forced for a few
 * extensions), a sandboxing CSP and a 30-day {@code Cache-Control}; {@code Last-Modified} with
 * {@code If-Modified-Since}, and byte ranges ({@code 206}, several as {@code multipart/byteranges}; {@code 416}). Headers a
 * hook already set are kept.
 */
final class FileResponse {
    private static final List<String> INLINE_TYPES = List.of(
            "image/png", "image/jpg", "image/jpeg", "image/gif", "image/webp", "image/x-icon", "image/bmp",
            "video/webm", "video/mp4", "video/3gpp", "video/quicktime", "video/x-ms-wmv",
            "audio/basic", "audio/aiff", "audio/mpeg", "audio/midi", "audio/mp3", "audio/wave",
            "audio/wav", "audio/x-wav", "audio/x-mpeg", "audio/x-m4a", "audio/aac",
            "application/pdf", "application/x-pdf");
    private static final Map<String, String> BY_EXTENSION = Map.of(
            ".svg", "image/svg+xml",
            ".css", "text/css",
            ".js", "text/javascript",
            ".mjs", "text/javascript",
            ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private FileResponse() {
    }

    static void serve(RequestEvent e, FileStorage storage, String key, String name) {
        FileStorage.Attributes attrs = storage.attributes(key).orElseThrow(ApiException::notFound);
        boolean download = switch (e.queryParam("download")) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            default -> false;
        };
        String disposition = !download && INLINE_TYPES.contains(attrs.contentType()) ? "inline" : "attachment";
        int dot = key.lastIndexOf('.');
        String type = dot > key.lastIndexOf('/') ? BY_EXTENSION.getOrDefault(key.substring(dot), attrs.contentType()) : attrs.contentType();
        Map<String, String> headers = e.responseHeaders();
        headers.putIfAbsent("Content-Disposition", disposition + "; filename=" + quoted(name));
        headers.putIfAbsent("Content-Security-Policy", "default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; sandbox");
        headers.putIfAbsent("Cache-Control", "max-age=2592000, stale-while-revalidate=86400");
        Instant modified = attrs.modified().truncatedTo(ChronoUnit.SECONDS);
        headers.put("Last-Modified", HTTP_DATE.format(ZonedDateTime.ofInstant(modified, ZoneOffset.UTC)));
        headers.put("Accept-Ranges", "bytes");
        String contentType = headers.getOrDefault("Content-Type", type);
        if (notModified(e.header("If-Modified-Since"), modified)) {
            headers.remove("Content-Type");
            e.blob(304, "", new byte[0]);
            return;
        }
        long size = attrs.size();
        String rangeHeader = ifRangeHolds(e.header("If-Range"), modified) ? e.header("Range") : "";
        ByteRanges ranges = ByteRanges.parse(rangeHeader, size);
        if (ranges.failed()) {
            if (ranges.failure().equals(ByteRanges.NO_OVERLAP)) {
                headers.put("Content-Range", "bytes */" + size);
            }
            // Go 1.23+ serves errors without the caching headers of the file
            for (String h : List.of("Content-Type", "Cache-Control", "Last-Modified", "Content-Encoding", "Etag")) {
                headers.remove(h);
            }
            e.string(416, ranges.failure() + "\n");
            return;
        }
        List<ByteRanges.Range> parts = ranges.ranges();
        InputStream in;
        if (parts.size() > 1) {
            ByteRangesBody body = new ByteRangesBody(parts, contentType, size);
            headers.put("Content-Length", String.valueOf(body.length()));
            in = storage.open(key).orElseThrow(ApiException::notFound);
            InputStream first = in;
            e.stream(206, "multipart/byteranges; boundary=" + body.boundary(),
                    out -> body.write(first, () -> storage.open(key).orElseThrow(ApiException::notFound), out));
        } else {
            long start = parts.isEmpty() ? 0 : parts.getFirst().start();
            long length = parts.isEmpty() ? size : parts.getFirst().length();
            if (!parts.isEmpty()) {
                headers.put("Content-Range", parts.getFirst().contentRange(size));
            }
            headers.put("Content-Length", String.valueOf(length));
            in = storage.open(key).orElseThrow(ApiException::notFound);
            e.stream(parts.isEmpty() ? 200 : 206, contentType, out -> copy(in, out, start, length));
        }
        if ("HEAD".equals(e.method())) {
            close(in);
        }
    }

    private static void copy(InputStream in, OutputStream out, long start, long length) throws IOException {
        try (in) {
            in.skipNBytes(start);
            byte[] buf = new byte[64 << 10];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read
        }
    }

    /** Go's {@code %q}-like quoting of the file name (PocketBase v0.40 quotes it). */
    static String quoted(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean notModified(String since, Instant modified) {
        if (since.isEmpty()) {
            return false;
        }
        try {
            return !modified.isAfter(ZonedDateTime.parse(since, HTTP_DATE).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Go's {@code checkIfRange} without ETags: no {@code If-Range}, or one naming the file's exact modification time. */
    private static boolean ifRangeHolds(String ifRange, Instant modified) {
        if (ifRange.isEmpty()) {
            return true;
        }
        try {
            return ZonedDateTime.parse(ifRange, HTTP_DATE).toInstant().equals(modified);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
