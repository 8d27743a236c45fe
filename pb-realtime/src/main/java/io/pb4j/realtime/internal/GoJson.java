package io.pb4j.realtime.internal;

import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import java.io.StringWriter;

/** Compact JSON text escaped as Go's {@code json.Marshal} escapes it, so messages match PocketBase's byte for byte. */
final class GoJson {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private GoJson() {
    }

    static String write(JsonValue value) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = JSON.createWriter(out)) {
            w.write(value);
        }
        // these characters can only occur inside JSON strings, so replacing them in the whole text is exact
        return out.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
