package io.pb4j.auth.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an auth record by one identity field as PocketBase's {@code findRecordByIdentityField} does: the match follows
 * the collation of the field's single-column UNIQUE index, so an index declared {@code COLLATE NOCASE} makes the
 * lookup case-insensitive (an index without a collation keeps it exact).
 */
final class IdentityLookup {
    private IdentityLookup() {
    }

    static Optional<Record> find(PocketBase app, Collection c, String field, String value) {
        if (!"nocase".equalsIgnoreCase(uniqueIndexCollate(c, field))) {
            return app.findFirstRecordByData(c, field, value);
        }
        List<Map<String, Object>> rows = app.store().read(s -> s.query("SELECT * FROM " + s.dialect().quote(c.name())
                + " WHERE " + s.dialect().quote(field) + " = ? COLLATE NOCASE LIMIT 1", List.of(value)));
        return rows.isEmpty() ? Optional.empty() : Optional.of(Record.fromRow(c, rows.get(0)));
    }

    /** The collation of {@code field}'s single-column UNIQUE index, or "" when it has none (or no such index). */
    private static String uniqueIndexCollate(Collection c, String field) {
        Pattern unique = Pattern.compile("(?is)^\\s*CREATE\\s+UNIQUE\\s+INDEX\\s.*?\\(\\s*[`\"\\[]?" + Pattern.quote(field)
                + "[`\"\\]]?(?:\\s+COLLATE\\s+(\\w+))?(?:\\s+(?:ASC|DESC))?\\s*\\).*");
        for (String index : c.indexes()) {
            Matcher m = unique.matcher(index);
            if (m.matches()) {
                return m.group(1) == null ? "" : m.group(1);
            }
        }
        return "";
    }
}
