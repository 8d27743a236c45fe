package io.pb4j.http.internal.forms;

import io.pb4j.core.ApiException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code application/x-www-form-urlencoded} bodies and URL parts, decoded as Go's {@code url.ParseQuery}: a bad
 * escape such as {@code %ZZ} is the client's error (a 400), never an exception that escapes as a 500.
 */
public final class UrlEncodedForm {
    private UrlEncodedForm() {
    }

    /** The form's keys with their values in order; a malformed escape is a 400 with {@code errorMessage}. */
    public static Map<String, List<String>> parse(byte[] body, String errorMessage) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq))
                    .orElseThrow(() -> ApiException.badRequest(errorMessage));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1))
                    .orElseThrow(() -> ApiException.badRequest(errorMessage));
            form.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return form;
    }

    /** The decoded text ({@code +} is a space), or empty when an escape is malformed. */
    public static Optional<String> decode(String text) {
        try {
            return Optional.of(URLDecoder.decode(text, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
