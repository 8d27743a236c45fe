package io.pb4j.js.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * PocketBase's {@code $http.send({url, method, body, headers, timeout})}: a blocking HTTP request answering
 * {@code {statusCode, headers, cookies, raw, json}}.
 */
public final class JsHttp {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    public Map<String, Object> send(Value config) throws Exception {
        String url = config.getMember("url").asString();
        String method = member(config, "method", "GET").toUpperCase(java.util.Locale.ROOT);
        Value bodyValue = config.getMember("body");
        Value data = config.getMember("data");
        byte[] body;
        String contentType = "";
        if (data != null && data.hasMembers() && !data.getMemberKeys().isEmpty()) {
            body = Convert.toJson(data).toString().getBytes(StandardCharsets.UTF_8); // the deprecated "data": JSON
        } else if (bodyValue != null && bodyValue.hasMember("__pbFormData")) {
            String boundary = multipartBoundary();
            body = multipart(bodyValue, boundary);
            contentType = "multipart/form-data; boundary=" + boundary;
        } else {
            body = (bodyValue == null || bodyValue.isNull() ? "" : bodyValue.isString() ? bodyValue.asString()
                    : Convert.toJson(bodyValue).toString()).getBytes(StandardCharsets.UTF_8);
        }
        long timeout = config.hasMember("timeout") && config.getMember("timeout").isNumber() ? config.getMember("timeout").asLong() : 120;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(timeout > 0 ? timeout : 120))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        Value headers = config.getMember("headers");
        if (headers != null && headers.hasMembers()) {
            for (String k : headers.getMemberKeys()) {
                if (contentType.isEmpty() || !k.equalsIgnoreCase("content-type")) {
                    b.header(k, headers.getMember(k).asString());
                }
            }
        }
        if (!contentType.isEmpty()) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> res = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        String raw = new String(res.body(), StandardCharsets.UTF_8);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statusCode", res.statusCode());
        Map<String, Object> hs = new LinkedHashMap<>();
        res.headers().map().forEach((k, v) -> hs.put(k, v));
        out.put("headers", hs);
        Map<String, Object> cookies = new LinkedHashMap<>();
        for (String c : res.headers().allValues("set-cookie")) {
            int eq = c.indexOf('=');
            int semi = c.indexOf(';');
            if (eq > 0) {
                // Go's http.Cookie as PocketBase returns it: {name, value, path, domain, ...}
                Map<String, Object> cookie = new LinkedHashMap<>();
                cookie.put("name", c.substring(0, eq).strip());
                cookie.put("value", c.substring(eq + 1, semi < 0 ? c.length() : semi).strip());
                for (String attr : semi < 0 ? new String[0] : c.substring(semi + 1).split(";")) {
                    String[] kv = attr.strip().split("=", 2);
                    String key = kv[0].toLowerCase(java.util.Locale.ROOT);
                    switch (key) {
                        case "path", "domain" -> cookie.put(key, kv.length > 1 ? kv[1] : "");
                        case "max-age" -> cookie.put("maxAge", kv.length > 1 ? Integer.parseInt(kv[1].strip()) : 0);
                        case "secure" -> cookie.put("secure", true);
                        case "httponly" -> cookie.put("httpOnly", true);
                        default -> { }
                    }
                }
                cookie.put("raw", c);
                cookies.put((String) cookie.get("name"), cookie);
            }
        }
        out.put("cookies", cookies);
        out.put("raw", raw);
        out.put("body", res.body());
        Object json = null;
        try {
            json = Plain.of(JSON.createReader(new java.io.StringReader(raw)).readValue());
        } catch (RuntimeException ex) {
            // not JSON: json stays null, as PocketBase's
        }
        out.put("json", json);
        return out;
    }

    private static String multipartBoundary() {
        byte[] random = new byte[30];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    /** A FormData's entries as Go's multipart writer writes them: fields as text, files with their original name. */
    private static byte[] multipart(Value form, String boundary) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Value entries = form.invokeMember("entries");
        for (long i = 0; i < entries.getArraySize(); i++) {
            Value entry = entries.getArrayElement(i);
            String key = entry.getArrayElement(0).asString();
            Object value = Convert.toJava(entry.getArrayElement(1));
            out.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (value instanceof io.pb4j.core.field.UploadedFile f) {
                out.write(("Content-Disposition: form-data; name=\"" + escapeQuotes(key) + "\"; filename=\"" + escapeQuotes(f.originalName())
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                try (var in = f.open()) {
                    in.transferTo(out);
                }
            } else {
                out.write(("Content-Disposition: form-data; name=\"" + escapeQuotes(key) + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write((value == null ? "" : value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue())
                        : String.valueOf(value)).getBytes(StandardCharsets.UTF_8));
            }
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String escapeQuotes(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String member(Value v, String name, String fallback) {
        Value m = v.getMember(name);
        return m == null || m.isNull() ? fallback : m.asString();
    }
}
