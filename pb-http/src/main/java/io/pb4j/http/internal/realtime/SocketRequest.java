package io.pb4j.http.internal.realtime;

import io.pb4j.core.router.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code POST /api/realtime} a WebSocket request stands for, with the connection's token and peer IP. */
record SocketRequest(String remoteIp, String token, byte[] json) implements HttpRequest {
    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return "/api/realtime";
    }

    @Override
    public String rawQuery() {
        return "";
    }

    @Override
    public Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        if (!token.isEmpty()) {
            headers.put("Authorization", List.of(token));
        }
        return headers;
    }

    @Override
    public byte[] body(long limit) {
        return json.clone();
    }
}
