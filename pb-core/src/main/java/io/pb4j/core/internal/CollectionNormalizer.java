package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.field.Field;
import io.pb4j.core.field.FieldTypes;
import io.pb4j.core.spi.SqlSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PocketBase's save-time normalisation: the default collection id, the system fields every collection of a type
 * must have (re-added when missing, system flags forced), and index statements pointing at the collection's table.
 */
final class CollectionNormalizer {
    private static final Pattern INDEX_TABLE = Pattern.compile("(?is)(\\sON\\s+)([`\"\\[]?[\\w.]+[`\"\\]]?)(\\s*\\()");

    private CollectionNormalizer() {
    }

    static Collection normalize(SqlSession s, Collection c, Optional<Collection> original) {
        Collection.Builder b = c.toBuilder();
        if (c.id().isEmpty()) {
            b.id(freeId(s, CollectionDefaults.collectionId(c.type(), c.name())));
        }
        b.fields(withSystemFields(c));
        List<String> indexes = new ArrayList<>();
        for (String index : c.indexes()) {
            indexes.add(INDEX_TABLE.matcher(index).replaceFirst("$1`" + c.name().replace("$", "\\$") + "`$3"));
        }
        if (c.isAuth()) {
            Collection named = b.build();
            for (String required : CollectionDefaults.authIndexes(named)) {
                String column = required.contains("`tokenKey`") ? "tokenKey" : "email";
                boolean present = indexes.stream().anyMatch(i -> i.toUpperCase().contains("UNIQUE")
                        && i.replace("`", "").replace("\"", "").matches("(?is).*\\(\\s*" + column + "\\s*\\).*"));
                if (!present) {
                    indexes.add(required);
                }
            }
        }
        b.indexes(indexes);
        return b.build();
    }

    private static String freeId(SqlSession s, String base) {
        String id = base;
        for (int i = 2; !s.query("SELECT id FROM _collections WHERE id = ?", List.of(id)).isEmpty(); i++) {
            id = base + i;
        }
        return id;
    }

    private static List<Field> withSystemFields(Collection c) {
        List<Field> fields = new ArrayList<>(c.fields());
        if (c.isView()) {
            return fields;
        }
        if (c.field("id").isEmpty()) {
            fields.add(0, CollectionDefaults.idField());
        }
        if (c.isAuth()) {
            int at = 1;
            for (Field system : CollectionDefaults.authSystemFields(c.isSuperusers())) {
                if (c.field(system.name()).isEmpty()) {
                    fields.add(Math.min(at, fields.size()), system);
                }
                at++;
            }
            // system auth fields keep their system flag and hidden/required constraints
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                for (Field system : CollectionDefaults.authSystemFields(c.isSuperusers())) {
                    if (system.name().equals(f.name()) && system.type().equals(f.type()) && !f.system()) {
                        fields.set(i, FieldTypes.fromJson(jakarta.json.Json.createObjectBuilder(f.toJson())
                                .add("system", true).add("hidden", system.hidden()).build()));
                    }
                }
            }
        }
        return fields;
    }
}
