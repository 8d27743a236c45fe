package io.pb4j.http.internal.helidon;

import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import java.util.concurrent.ConcurrentHashMap;

/**
 * pb4j's response headers as Helidon headers, each checked once instead of on every response. Most responses carry
 * the same half-dozen pairs (the security headers, {@code Vary}, the content type): per name the last pair is kept as a
 * pre-rendered, validated header, which Helidon stores and writes as it is. The server turns Helidon's own check of
 * every response header off ({@code validateResponseHeaders}); this one makes the same check of each header it makes,
 * so a value with a line break still fails the response as it did.
 */
final class ResponseHeaders {
    /** Names beyond this many (handlers making names up) get a fresh header each time. */
    private static final int MAX_NAMES = 256;
    private static final ConcurrentHashMap<String, HeaderName> NAMES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Header> LAST = new ConcurrentHashMap<>();

    private ResponseHeaders() {
    }

    /** The header {@code name: value}, validated as Helidon validates a response header (else IllegalArgumentException). */
    static Header of(String name, String value) {
        Header last = LAST.get(name);
        if (last != null && last.get().equals(value)) {
            return last;
        }
        Header made = HeaderValues.createCached(name(name), value);
        made.validate();
        if (last != null || LAST.size() < MAX_NAMES) {
            LAST.put(name, made);
        }
        return made;
    }

    /** A multi-valued header (Set-Cookie), validated; never kept. */
    static Header of(HeaderName name, String... values) {
        Header made = HeaderValues.create(name, values);
        made.validate();
        return made;
    }

    /**
     * Helidon's name for a header name, made once per name: {@code HeaderNames.create} lower-cases and allocates on
     * every call. Names beyond {@link #MAX_NAMES} are made each time.
     */
    static HeaderName name(String name) {
        HeaderName cached = NAMES.get(name);
        if (cached != null) {
            return cached;
        }
        HeaderName created = HeaderNames.create(name);
        if (NAMES.size() < MAX_NAMES) {
            NAMES.putIfAbsent(name, created);
        }
        return created;
    }
}
