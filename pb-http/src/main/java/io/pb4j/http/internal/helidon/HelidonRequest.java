package io.pb4j.http.internal.helidon;

import io.helidon.http.Header;
import io.helidon.webserver.http.ServerRequest;
import io.pb4j.core.ApiException;
import io.pb4j.core.router.HttpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helidon's request as pb4j's {@link HttpRequest}. */
final class HelidonRequest implements HttpRequest {
    private final ServerRequest req;
    private Map<String, List<String>> headers;

    HelidonRequest(ServerRequest req) {
        this.req = req;
    }

    @Override
    public String method() {
        return req.prologue().method().text();
    }

    @Override
    public String path() {
        return req.path().path();
    }

    @Override
    public String rawPath() {
        return req.path().rawPath();
    }

    @Override
    public String rawQuery() {
        return req.query().rawValue();
    }

    @Override
    public Map<String, List<String>> headers() {
        if (headers == null) {
            headers = new LinkedHashMap<>();
            for (Header h : req.headers()) {
                headers.put(h.name(), h.allValues());
            }
        }
        return headers;
    }

    @Override
    public byte[] body(long limit) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new ApiException(413, "");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String remoteIp() {
        return req.remotePeer().host();
    }
}
