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
        return of(outer, collectionName, payload, "", java.util.Optional.empty());
    }

    /**
     * With a downloaded avatar the body is {@code multipart/form-data}: the payload as the {@code @jsonPayload} part and
     * the avatar as a file part under {@code avatarField}, so the record and its file are created in one save.
     */
    static OAuth2CreateRequest of(RequestEvent outer, String collectionName, JsonObject payload, String avatarField,
                                  java.util.Optional<io.pb4j.core.field.UploadedFile> avatar) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        outer.request().headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Type") && !k.equalsIgnoreCase("Content-Length")) {
                headers.put(k, List.copyOf(v));
            }
        });
        String path = "/api/collections/" + collectionName + "/records";
        if (avatar.isEmpty()) {
            headers.put("Content-Type", List.of("application/json"));
            return new OAuth2CreateRequest(path, Map.copyOf(headers), payload.toString().getBytes(StandardCharsets.UTF_8),
                    outer.request().remoteIp());
        }
        String boundary = "pb4jOAuth2" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"@jsonPayload\"\r\n\r\n" + payload
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + avatarField + "\"; filename=\""
                + avatar.get().originalName().replace("\"", "").replace("\r", "").replace("\n", "")
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        try (java.io.InputStream in = avatar.get().open()) {
            in.transferTo(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        headers.put("Content-Type", List.of("multipart/form-data; boundary=" + boundary));
        return new OAuth2CreateRequest(path, Map.copyOf(headers), body.toByteArray(), outer.request().remoteIp());
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
