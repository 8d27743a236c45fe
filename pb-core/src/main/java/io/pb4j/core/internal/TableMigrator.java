package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.field.Field;
import io.pb4j.core.spi.SqlDialect;
import io.pb4j.core.ValidationException;
import io.pb4j.core.spi.SqlSession;
import io.pb4j.core.spi.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a collection's table in step with its fields, inside the caller's transaction (a view collection's SQL view
 * is dropped and recreated from its query). Field identity is the field
 * id: a new id adds a column, a missing one drops it, a changed name renames it (data kept).
 */
final class TableMigrator {
    private static final Pattern INDEX_NAME =
            Pattern.compile("(?is)^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?[`\"\\[]?([\\w.]+)[`\"\\]]?");

    private TableMigrator() {
    }

    static void create(SqlSession s, Collection c) {
        if (c.isView()) {
            ViewSchema.create(s, c.name(), c.options().getString("viewQuery", ""));
            return;
        }
        SqlDialect d = s.dialect();
        // PocketBase's CREATE TABLE (dbx) lists the columns sorted by name
        List<Field> sorted = new ArrayList<>(c.fields());
        sorted.sort(java.util.Comparator.comparing(Field::name));
        List<String> columns = new ArrayList<>();
        for (Field f : sorted) {
            columns.add(d.quote(f.name()) + " " + f.columnType());
        }
        s.execute("CREATE TABLE " + d.quote(c.name()) + " (" + String.join(", ", columns) + ")");
        createIndexes(s, c);
    }

    static void migrate(SqlSession s, Collection old, Collection c) {
        if (c.isView()) {
            ViewSchema.drop(s, old.name());
            ViewSchema.create(s, c.name(), c.options().getString("viewQuery", ""));
            return;
        }
        SqlDialect d = s.dialect();
        dropIndexes(s, old);
        if (!old.name().equals(c.name())) {
            s.execute("ALTER TABLE " + d.quote(old.name()) + " RENAME TO " + d.quote(c.name()));
        }
        Map<String, Field> oldById = new HashMap<>();
        old.fields().forEach(f -> oldById.put(f.id(), f));
        Map<String, Field> newById = new HashMap<>();
        c.fields().forEach(f -> newById.put(f.id(), f));
        for (Field f : old.fields()) {
            if (!newById.containsKey(f.id())) {
                s.execute("ALTER TABLE " + d.quote(c.name()) + " DROP COLUMN " + d.quote(f.name()));
            }
        }
        // Rename through temporary names first so swapped names cannot collide.
        List<Field> renamed = new ArrayList<>();
        for (Field f : c.fields()) {
            Field before = oldById.get(f.id());
            if (before != null && !before.name().equals(f.name())) {
                s.execute("ALTER TABLE " + d.quote(c.name()) + " RENAME COLUMN " + d.quote(before.name()) + " TO "
                        + d.quote("_pb4j_tmp_" + f.id()));
                renamed.add(f);
            }
        }
        for (Field f : renamed) {
            s.execute("ALTER TABLE " + d.quote(c.name()) + " RENAME COLUMN " + d.quote("_pb4j_tmp_" + f.id()) + " TO "
                    + d.quote(f.name()));
        }
        for (Field f : c.fields()) {
            if (!oldById.containsKey(f.id())) {
                s.execute("ALTER TABLE " + d.quote(c.name()) + " ADD COLUMN " + d.quote(f.name()) + " " + f.columnType());
            }
        }
        for (Field f : c.fields()) {
            Field before = oldById.get(f.id());
            if (before != null && multiple(before) != multiple(f)) {
                changeMultiplicity(s, c.name(), f, multiple(f));
            }
        }
        createIndexes(s, c);
    }

    /** A select, relation or file field holding several values: its column is a JSON array. */
    private static boolean multiple(Field f) {
        return f.columnType().equals("JSON DEFAULT '[]' NOT NULL");
    }

    /**
     * PocketBase's normalizeSingleVsMultipleFieldChanges: the column is recreated with the new type and its values
     * converted (a single value becomes a one-element array, an array keeps its last element), the views dropped meanwhile
     * and restored from their SQL.
     */
    private static void changeMultiplicity(SqlSession s, String table, Field f, boolean toMultiple) {
        SqlDialect d = s.dialect();
        List<Map<String, Object>> views = s.query("SELECT name, sql FROM sqlite_master WHERE type = 'view' AND sql IS NOT NULL", List.of());
        for (Map<String, Object> v : views) {
            s.execute("DROP VIEW IF EXISTS " + d.quote(String.valueOf(v.get("name"))));
        }
        String column = d.quote(f.name());
        String old = d.quote("_" + f.name() + "_pb4j_old");
        s.execute("ALTER TABLE " + d.quote(table) + " RENAME COLUMN " + column + " TO " + old);
        s.execute("ALTER TABLE " + d.quote(table) + " ADD COLUMN " + column + " " + f.columnType());
        String value = toMultiple
                ? "CASE WHEN COALESCE(" + old + ", '') = '' THEN '[]' ELSE (CASE WHEN json_valid(" + old + ") AND json_type(" + old
                        + ") == 'array' THEN " + old + " ELSE json_array(" + old + ") END) END"
                : "CASE WHEN COALESCE(" + old + ", '[]') = '[]' THEN '' ELSE (CASE WHEN json_valid(" + old + ") AND json_type(" + old
                        + ") == 'array' THEN COALESCE(json_extract(" + old + ", '$[#-1]'), '') ELSE " + old + " END) END";
        s.execute("UPDATE " + d.quote(table) + " SET " + column + " = (" + value + ")");
        s.execute("ALTER TABLE " + d.quote(table) + " DROP COLUMN " + old);
        for (Map<String, Object> v : views) {
            s.execute(String.valueOf(v.get("sql")));
        }
    }

    static void drop(SqlSession s, Collection c) {
        s.execute((c.isView() ? "DROP VIEW IF EXISTS " : "DROP TABLE IF EXISTS ") + s.dialect().quote(c.name()));
    }

    /** Runs each index in PocketBase's normalized form, on the collection's table (what PocketBase's sqlite_master holds). */
    private static void createIndexes(SqlSession s, Collection c) {
        List<String> indexes = c.indexes();
        for (int i = 0; i < indexes.size(); i++) {
            IndexSql index = IndexSql.parse(indexes.get(i)).onTable(c.name());
            if (!index.valid()) {
                throw new ValidationException(IndexCheck.rejected(i));
            }
            try {
                s.execute(index.build());
            } catch (StoreException e) {
                throw new ValidationException(IndexCheck.rejected(i));
            }
        }
    }

    private static void dropIndexes(SqlSession s, Collection c) {
        for (String index : c.indexes()) {
            indexName(index).ifPresent(name -> s.execute("DROP INDEX IF EXISTS " + s.dialect().quote(name)));
        }
    }

    static Optional<String> indexName(String index) {
        Matcher m = INDEX_NAME.matcher(index);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
