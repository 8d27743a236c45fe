package io.pb4j.files.internal.s3;

import io.pb4j.files.spi.FileBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Objects in an S3 bucket over the S3 REST API with Signature V4 ({@code java.net.http}): path-style URLs
 * ({@code endpoint/bucket/key}) when {@code forcePathStyle}, else virtual-hosted ({@code bucket.endpoint/key}). User
 * metadata travel as {@code x-amz-meta-*} headers, percent-encoded beyond ASCII. Thread-safe.
 */
final class S3Backend implements FileBackend {
    private static final Pattern KEY = Pattern.compile("<Key>(.*?)</Key>", Pattern.DOTALL);
    private static final Pattern NEXT = Pattern.compile("<NextContinuationToken>(.*?)</NextContinuationToken>", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("<Code>(.*?)</Code>", Pattern.DOTALL);
    private static final String META = "x-amz-meta-";

    private final S3Config config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    S3Backend(S3Config config) {
        this.config = config;
    }

    private URI uri(String key, String query) {
        String path = config.forcePathStyle() ? "/" + config.bucket() + "/" + SigV4.encode(key, true) : "/" + SigV4.encode(key, true);
        String host = config.forcePathStyle() ? config.endpoint().getRawAuthority() : config.bucket() + "." + config.endpoint().getRawAuthority();
        return URI.create(config.endpoint().getScheme() + "://" + host + path + (query.isEmpty() ? "" : "?" + query));
    }

    private <T> HttpResponse<T> send(String method, URI uri, Map<String, String> extra, byte[] body, HttpResponse.BodyHandler<T> handler) {
        String payloadHash = body == null ? SigV4.EMPTY_SHA256 : SigV4.sha256Hex(body);
        Map<String, String> headers = SigV4.sign(method, uri, extra, payloadHash, config.accessKey(), config.secret(),
                config.region(), ZonedDateTime.now());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            return http.send(b.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException("S3 " + method + " " + uri.getPath() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }

    private static UncheckedIOException failure(String what, int status, String body) {
        Matcher m = CODE.matcher(body);
        return new UncheckedIOException(new IOException("S3 " + what + " answered " + status + (m.find() ? " " + m.group(1) : "")));
    }

    @Override
    public void put(String key, InputStream content, long size, String contentType, Map<String, String> metadata) {
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) Math.min(size, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("content-type", contentType.isEmpty() ? "application/octet-stream" : contentType);
        metadata.forEach((k, v) -> extra.put(META + k.toLowerCase(java.util.Locale.ROOT), encodeMeta(v)));
        HttpResponse<String> r = send("PUT", uri(key, ""), extra, bytes, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw failure("PUT " + key, r.statusCode(), r.body());
        }
    }

    @Override
    public Optional<InputStream> get(String key) {
        HttpResponse<InputStream> r = send("GET", uri(key, ""), Map.of(), null, HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() == 404) {
            close(r.body());
            return Optional.empty();
        }
        if (r.statusCode() / 100 != 2) {
            String body;
            try (InputStream in = r.body()) {
                body = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "";
            }
            throw failure("GET " + key, r.statusCode(), body);
        }
        return Optional.of(r.body());
    }

    @Override
    public Optional<Attributes> attributes(String key) {
        HttpResponse<Void> r = send("HEAD", uri(key, ""), Map.of(), null, HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        if (r.statusCode() / 100 != 2) {
            throw failure("HEAD " + key, r.statusCode(), "");
        }
        long size = r.headers().firstValueAsLong("content-length").orElse(0);
        String type = r.headers().firstValue("content-type").orElse("application/octet-stream");
        Instant modified = r.headers().firstValue("last-modified")
                .map(v -> ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).orElse(Instant.EPOCH);
        Map<String, String> metadata = new LinkedHashMap<>();
        r.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith(META) && !values.isEmpty()) {
                metadata.put(lower.substring(META.length()), decodeMeta(values.getFirst()));
            }
        });
        return Optional.of(new Attributes(size, type, modified, metadata));
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        String token = "";
        do {
            String query = "list-type=2&prefix=" + SigV4.encode(prefix, false)
                    + (token.isEmpty() ? "" : "&continuation-token=" + SigV4.encode(token, false));
            String base = config.endpoint().getScheme() + "://";
            URI uri = URI.create(config.forcePathStyle()
                    ? base + config.endpoint().getRawAuthority() + "/" + config.bucket() + "?" + query
                    : base + config.bucket() + "." + config.endpoint().getRawAuthority() + "/?" + query);
            HttpResponse<String> r = send("GET", uri, Map.of(), null, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw failure("list " + prefix, r.statusCode(), r.body());
            }
            Matcher m = KEY.matcher(r.body());
            while (m.find()) {
                keys.add(unescapeXml(m.group(1)));
            }
            Matcher next = NEXT.matcher(r.body());
            token = r.body().contains("<IsTruncated>true</IsTruncated>") && next.find() ? unescapeXml(next.group(1)) : "";
        } while (!token.isEmpty());
        return keys;
    }

    @Override
    public void delete(String key) {
        HttpResponse<String> r = send("DELETE", uri(key, ""), Map.of(), null, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2 && r.statusCode() != 404) {
            throw failure("DELETE " + key, r.statusCode(), r.body());
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }

    private static String unescapeXml(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }

    /** Header values must be ASCII: anything else (and {@code %}) is percent-encoded as UTF-8. */
    static String encodeMeta(String v) {
        StringBuilder b = new StringBuilder();
        for (byte raw : v.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '%') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    static String decodeMeta(String v) {
        if (v.indexOf('%') < 0) {
            return v;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 2 < v.length() && isHex(v.charAt(i + 1)) && isHex(v.charAt(i + 2))) {
                out.write(Integer.parseInt(v.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
