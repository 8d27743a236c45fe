package io.pb4j.auth.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.router.HttpRequest;
import io.pb4j.core.router.RequestEvent;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The internal {@code POST /api/collections/{collection}/records} through which an OAuth2 sign-up creates its
 * record, as PocketBase does: the outer request's headers and peer, a JSON body.
 */
record OAuth2CreateRequest(String path, Map<String, List<String>> headers, byte[] content, String remoteIp)
        implements HttpRequest {

    static OAuth2CreateRequest of(RequestEvent outer, String collectionName, JsonObject payload) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        outer.request().headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Type") && !k.equalsIgnoreCase("Content-Length")) {
                headers.put(k, List.copyOf(v));
            }
        });
        headers.put("Content-Type", List.of("application/json"));
        return new OAuth2CreateRequest("/api/collections/" + collectionName + "/records", Map.copyOf(headers),
                payload.toString().getBytes(StandardCharsets.UTF_8), outer.request().remoteIp());
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String rawQuery() {
        return "";
    }

    @Override
    public byte[] body(long limit) {
        if (content.length > limit) {
            throw new ApiException(413, "");
        }
        return content;
    }
}
