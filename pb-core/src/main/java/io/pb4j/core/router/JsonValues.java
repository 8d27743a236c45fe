package io.pb4j.core.router;

import io.pb4j.core.internal.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Plain Java values as JSON for {@link RequestEvent#json(int, Object)}: Java records become objects of their components
 * in declaration order, maps objects, collections and arrays arrays, {@code Optional}s their value or null, the rest as
 * {@link Json#toJson}. A record's accessors are read by reflection: its package must be exported or opened to
 * {@code io.pb4j.core} (an unnamed module's always is).
 */
final class JsonValues {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private JsonValues() {
    }

    static JsonValue of(Object v) {
        if (v instanceof Record r) {
            JsonObjectBuilder b = JSON.createObjectBuilder();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    var accessor = c.getAccessor();
                    accessor.trySetAccessible();
                    b.add(c.getName(), of(accessor.invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("cannot read " + r.getClass().getName() + "." + c.getName()
                            + " (open its package to io.pb4j.core): " + e, e);
                }
            }
            return b.build();
        }
        if (v instanceof Map<?, ?> m) {
            JsonObjectBuilder b = JSON.createObjectBuilder();
            m.forEach((k, val) -> b.add(String.valueOf(k), of(val)));
            return b.build();
        }
        if (v instanceof Collection<?> c) {
            var b = JSON.createArrayBuilder();
            c.forEach(item -> b.add(of(item)));
            return b.build();
        }
        if (v instanceof Object[] array) {
            return of(java.util.Arrays.asList(array));
        }
        if (v instanceof Optional<?> o) {
            return o.map(JsonValues::of).orElse(JsonValue.NULL);
        }
        return Json.toJson(v);
    }
}
