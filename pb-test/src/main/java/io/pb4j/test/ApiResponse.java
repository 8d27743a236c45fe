package io.pb4j.test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One answer of the app: status, headers (names lower-cased by the HTTP client) and body. */
public record ApiResponse(int status, Map<String, List<String>> headers, String body) {
    /** Copies {@code headers}. */
    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, by name in any case. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .flatMap(h -> h.getValue().stream()).findFirst();
    }
}
