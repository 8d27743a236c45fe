package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.ValidationError;
import io.pb4j.core.spi.SqlSession;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PocketBase's checks of a collection's {@code indexes}: the first bad index is reported by its position. */
final class IndexCheck {
    /** {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (columns) [WHERE …]}, quotes optional. */
    private static final Pattern INDEX = Pattern.compile(
            "(?is)^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?[`\"'\\[]?([\\w.]+)[`\"'\\]]?\\s+"
                    + "ON\\s+[`\"'\\[]?([\\w.]+)[`\"'\\]]?\\s*\\((.+?)\\)\\s*(?:WHERE\\s+(.+?))?\\s*;?\\s*$");

    private IndexCheck() {
    }

    /** The error for {@code indexes}, keyed by index position, or empty. */
    static Optional<Object> error(SqlSession s, Collection c, Optional<Collection> original) {
        List<String> indexes = c.indexes();
        if (c.isView() && !indexes.isEmpty()) {
            return Optional.of(new ValidationError("validation_indexes_not_supported", "View collections don't support indexes."));
        }
        Set<String> names = new HashSet<>();
        Set<String> definitions = new HashSet<>();
        for (int i = 0; i < indexes.size(); i++) {
            Matcher m = INDEX.matcher(indexes.get(i));
            if (!m.matches() || m.group(4).isBlank()) {
                return at(i, new ValidationError("validation_invalid_index_expression", "Invalid CREATE INDEX expression."));
            }
            String name = m.group(2);
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                return at(i, new ValidationError("validation_duplicated_index_name", "The index name already exists."));
            }
            List<Map<String, Object>> used = s.query("SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND LOWER(name) = LOWER(?) "
                    + "AND LOWER(tbl_name) != LOWER(?) AND LOWER(tbl_name) != LOWER(?) LIMIT 1",
                    List.of(name, original.map(Collection::name).orElse(c.name()), c.name()));
            if (!used.isEmpty()) {
                String table = String.valueOf(used.get(0).get("tbl_name"));
                return at(i, new ValidationError("validation_existing_index_name",
                        "The index name is already used in " + table + " collection.", Map.of("usedTableName", table)));
            }
            String definition = (m.group(1) == null ? "" : "unique ") + m.group(4).replaceAll("[`\"\\s]", "").toLowerCase(Locale.ROOT)
                    + " where " + (m.group(5) == null ? "" : m.group(5).strip());
            if (!definitions.add(definition)) {
                return at(i, new ValidationError("validation_duplicated_index_definition", "The index definition already exists."));
            }
        }
        return Optional.empty();
    }

    /** The error PocketBase reports when the database refuses an index that passed the checks above. */
    static Map<String, Object> rejected(int position) {
        return Map.of("indexes", Map.of(String.valueOf(position),
                new ValidationError("validation_invalid_index_expression", "Invalid CREATE INDEX expression.")));
    }

    private static Optional<Object> at(int i, ValidationError e) {
        return Optional.of(Map.of(String.valueOf(i), e));
    }
}
