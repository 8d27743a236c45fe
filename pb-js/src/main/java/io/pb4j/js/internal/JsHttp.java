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
        String body = bodyValue == null || bodyValue.isNull() ? "" : bodyValue.isString() ? bodyValue.asString()
                : Convert.toJson(bodyValue).toString();
        long timeout = config.hasMember("timeout") && config.getMember("timeout").isNumber() ? config.getMember("timeout").asLong() : 120;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(timeout > 0 ? timeout : 120))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        Value headers = config.getMember("headers");
        if (headers != null && headers.hasMembers()) {
            for (String k : headers.getMemberKeys()) {
                b.header(k, headers.getMember(k).asString());
            }
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
                cookies.put(c.substring(0, eq), c.substring(eq + 1, semi < 0 ? c.length() : semi));
            }
        }
        out.put("cookies", cookies);
        out.put("raw", raw);
        Object json = null;
        try {
            json = Plain.of(JSON.createReader(new java.io.StringReader(raw)).readValue());
        } catch (RuntimeException ex) {
            // not JSON: json stays null, as PocketBase's
        }
        out.put("json", json);
        return out;
    }

    private static String member(Value v, String name, String fallback) {
        Value m = v.getMember(name);
        return m == null || m.isNull() ? fallback : m.asString();
    }
}
