package io.pb4j.http.internal.realtime;

import io.pb4j.core.router.HttpRequest;
import java.util.List;
import java.util.Map;

/** The HTTP upgrade request of a WebSocket, as far as its client IP needs it (the peer and the proxy headers). */
record UpgradeRequest(String remoteIp, Map<String, List<String>> headers) implements HttpRequest {
    UpgradeRequest {
        headers = Map.copyOf(headers);
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return UpdatesEndpoint.PATH;
    }

    @Override
    public String rawQuery() {
        return "";
    }

    @Override
    public byte[] body(long limit) {
        return new byte[0];
    }
}
