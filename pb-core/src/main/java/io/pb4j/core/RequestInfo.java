package io.pb4j.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What API rules and filters see as {@code @request.*}: the authenticated record, the method, the first value of each
 * query parameter and header (header names in snake_case lower case: {@code X-Token} → {@code x_token}), the body
 * after modifier resolution, and the context ({@code default}, {@code expand}, {@code realtime}, …).
 */
public record RequestInfo(Optional<Record> auth, String method, Map<String, String> query, Map<String, String> headers,
                          Map<String, Object> body, String context) {
    /** No request: internal lookups, where {@code @request.*} resolves to NULL. */
    public static final RequestInfo NONE = new RequestInfo(Optional.empty(), "", Map.of(), Map.of(), Map.of(), "default");

    /** Creates the value from its components. */
    public RequestInfo {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(body));
    }

    /** PocketBase's header key: {@code Content-Type} → {@code content_type}. */
    public static String headerKey(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** The first values of a multi-valued map. */
    public static Map<String, String> firstValues(Map<String, List<String>> values, java.util.function.UnaryOperator<String> key) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.putIfAbsent(key.apply(k), v.get(0));
            }
        });
        return out;
    }
}
