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
import java.util.Optional;

/**
 * Writes a stored file as PocketBase's {@code filesystem.Serve} with Go's {@code http.ServeContent}: inline for safe
 * media types and attachment otherwise (or with {@code ?download=1}), the sniffed content type (forced for a few
 * extensions), a sandboxing CSP and a 30-day {@code Cache-Control}; {@code Last-Modified} with
 * {@code If-Modified-Since}, and single byte ranges ({@code 206}, {@code 416}). Headers a hook already set are kept.
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
        Optional<long[]> range = range(e.header("Range"), size, e.header("If-Range"), modified);
        if (range.isPresent() && range.get().length == 0) {
            headers.put("Content-Range", "bytes */" + size);
            e.string(416, "invalid range: failed to overlap\n");
            return;
        }
        long start = range.map(r -> r[0]).orElse(0L);
        long length = range.map(r -> r[1] - r[0] + 1).orElse(size);
        if (range.isPresent()) {
            headers.put("Content-Range", "bytes " + start + "-" + (start + length - 1) + "/" + size);
        }
        headers.put("Content-Length", String.valueOf(length));
        InputStream in = storage.open(key).orElseThrow(ApiException::notFound);
        e.stream(range.isPresent() ? 206 : 200, contentType, out -> copy(in, out, start, length));
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

    /**
     * The one byte range asked for as {start, end} (inclusive); empty when none is asked (or several, or the header
     * is malformed, or {@code If-Range} no longer matches: the whole file is sent); a zero-length array when it cannot
     * be satisfied.
     */
    static Optional<long[]> range(String header, long size, String ifRange, Instant modified) {
        if (!header.startsWith("bytes=") || header.contains(",")) {
            return Optional.empty();
        }
        if (!ifRange.isEmpty()) {
            try {
                if (!ZonedDateTime.parse(ifRange, HTTP_DATE).toInstant().equals(modified)) {
                    return Optional.empty();
                }
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            long start;
            long end;
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                if (suffix <= 0) {
                    return Optional.of(new long[0]);
                }
                start = Math.max(0, size - suffix);
                end = size - 1;
            } else {
                start = Long.parseLong(a);
                end = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
                if (start >= size || end < start) {
                    return Optional.of(new long[0]);
                }
            }
            if (size == 0) {
                return Optional.of(new long[0]);
            }
            return Optional.of(new long[] {start, end});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
