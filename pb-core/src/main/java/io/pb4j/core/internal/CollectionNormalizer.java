package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.field.Field;
import io.pb4j.core.field.FieldTypes;
import io.pb4j.core.spi.SqlSession;
import java.util.ArrayList;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PocketBase's save-time normalisation: the default collection id, the system fields every collection of a type
 * must have (re-added when missing, system flags forced), a view's fields inferred from its query, and index statements pointing at the collection's table.
 */
final class CollectionNormalizer {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final Pattern INDEX_TABLE = Pattern.compile("(?is)(\\sON\\s+)([`\"\\[]?[\\w.]+[`\"\\]]?)(\\s*\\()");

    private CollectionNormalizer() {
    }

    static Collection normalize(SqlSession s, Collection c, Optional<Collection> original) {
        Collection.Builder b = c.toBuilder();
        if (c.id().isEmpty()) {
            b.id(freeId(s, CollectionDefaults.collectionId(c.type(), c.name())));
        }
        // a view's fields always come from its query; submitted ones are ignored
        b.fields(c.isView() ? viewFields(s, c) : withSystemFields(c));
        List<String> indexes = new ArrayList<>();
        for (String index : c.indexes()) {
            indexes.add(INDEX_TABLE.matcher(index).replaceFirst("$1`" + c.name().replace("$", "\\$") + "`$3"));
        }
        if (c.isAuth()) {
            Collection named = b.build();
            for (String required : CollectionDefaults.authIndexes(named)) {
                String column = required.contains("`tokenKey`") ? "tokenKey" : "email";
                boolean present = IndexSql.findSingleColumnUnique(indexes, column).isPresent();
                if (!present) {
                    indexes.add(required);
                }
            }
        }
        b.indexes(indexes);
        return b.build();
    }

    /** What PocketBase infers from the query, even when the inference stopped at an error (validation reports it). */
    private static List<Field> viewFields(SqlSession s, Collection c) {
        String query = c.options().getString("viewQuery", "");
        return query.isBlank() ? List.of() : ViewSchema.infer(s, query).fields();
    }

    private static String freeId(SqlSession s, String base) {
        String id = base;
        for (int i = 2; !s.query("SELECT id FROM _collections WHERE id = ?", List.of(id)).isEmpty(); i++) {
            id = base + i;
        }
        return id;
    }

    /**
     * PocketBase's system fields: the {@code id} primary key is prepended when missing; an auth collection's
     * {@code password}, {@code tokenKey}, {@code email}, {@code emailVisibility} and {@code verified} are appended
     * when missing. Submitted system fields keep their options but get the flags PocketBase forces on them.
     */
    private static List<Field> withSystemFields(Collection c) {
        List<Field> fields = new ArrayList<>(c.fields());
        int id = indexOf(fields, "id");
        if (id < 0) {
            fields.add(0, CollectionDefaults.idField());
        } else {
            JsonObject def = fields.get(id).toJson();
            fields.set(id, force(fields.get(id), Map.of("system", true, "required", true, "primaryKey", true, "hidden", false,
                    "pattern", def.getString("pattern", "").isEmpty() ? "^[a-z0-9]+$" : def.getString("pattern"))));
        }
        if (c.isAuth()) {
            for (Field system : CollectionDefaults.authSystemFields()) {
                int at = indexOf(fields, system.name());
                if (at < 0) {
                    fields.add(system);
                } else if (fields.get(at).type().equals(system.type())) {
                    boolean secret = system.hidden();
                    fields.set(at, force(fields.get(at), secret
                            ? Map.of("system", true, "hidden", true, "required", true)
                            : "email".equals(system.name()) ? Map.of("system", true, "hidden", false) : Map.of("system", true)));
                }
            }
        }
        return fields;
    }

    private static int indexOf(List<Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Field force(Field f, Map<String, Object> flags) {
        jakarta.json.JsonObjectBuilder b = JSON.createObjectBuilder(f.toJson());
        flags.forEach((k, v) -> b.add(k, Json.toJson(v)));
        return FieldTypes.fromJson(b.build());
    }
}
