package io.pb4j.core.router;

import java.util.List;
import java.util.Map;

/** The transport's view of one HTTP request; pb-http adapts Helidon's request to it. */
public interface HttpRequest {
    /** Upper-case method, e.g. {@code GET}. */
    String method();

    /** The decoded path, without the query string. */
    String path();

    /** The path as the client sent it (still percent-encoded); by default the decoded {@link #path()}. */
    default String rawPath() {
        return path();
    }

    /** The raw (still encoded) query string, {@code ""} when there is none. */
    String rawQuery();

    /** Header names (in canonical case) to their values. */
    Map<String, List<String>> headers();

    /**
     * The first value of a header (case-insensitive name), {@code ""} when absent. By default looked up in
     * {@link #headers()}; a transport answers it from its own parsed headers without building that map.
     */
    default String header(String name) {
        for (Map.Entry<String, List<String>> h : headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                return h.getValue().get(0);
            }
        }
        return "";
    }

    /**
     * Reads the whole body, failing with a 413 {@link io.pb4j.core.ApiException} past {@code limit} bytes.
     * Returns an empty array when there is no body.
     */
    byte[] body(long limit);

    /**
     * Copies the whole body to {@code out} without holding it in memory, failing with a 413
     * {@link io.pb4j.core.ApiException} past {@code limit} bytes; returns the number of bytes copied. By default
     * through {@link #body(long)}.
     */
    default long copyBody(long limit, java.io.OutputStream out) throws java.io.IOException {
        byte[] bytes = body(limit);
        out.write(bytes);
        return bytes.length;
    }

    /** The peer's IP address. */
    String remoteIp();

    /** Whether the request came over TLS (PocketBase's {@code IsTLS}); false by default. */
    default boolean isTls() {
        return false;
    }

    /**
     * Parses a form body ({@code multipart/form-data} or {@code application/x-www-form-urlencoded}, by
     * {@code contentType}); a 400 {@link io.pb4j.core.ApiException} when it is malformed. By default no transport
     * parser: {@link RequestForm#EMPTY}.
     */
    default RequestForm parseForm(String contentType, byte[] body) {
        return RequestForm.EMPTY;
    }
}
