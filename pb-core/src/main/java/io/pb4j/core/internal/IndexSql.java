package io.pb4j.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PocketBase's {@code tools/dbutils} index parser: a {@code CREATE INDEX} statement split into its parts and rebuilt in
 * PocketBase's normalized form ({@code Index.Build}), which is the SQL PocketBase runs and so what its {@code sqlite_master}
 * holds, e.g. {@code CREATE UNIQUE INDEX `idx` ON `table` (\n  `a`,\n  `b`\n) WHERE …}.
 */
public record IndexSql(boolean unique, boolean optional, String schema, String name, String table, List<Column> columns, String where) {
    private static final Pattern INDEX = Pattern.compile(
            "(?im)create\\s+(unique\\s+)?\\s*index\\s*(if\\s+not\\s+exists\\s+)?(\\S*)\\s+on\\s+(\\S*)\\s*\\(([\\s\\S]*)\\)(?:\\s*where\\s+([\\s\\S]*))?");
    private static final Pattern COLUMN = Pattern.compile("(?i)^([\\s\\S]+?)(?:\\s+collate\\s+(\\w+))?(?:\\s+(asc|desc))?$");
    private static final String TRIM = "`\"'[]\r\n\t\f\u000B ";

    /** One indexed column or expression. */
    public record Column(String name, String collate, String sort) {
    }

    /**
     * PocketBase's {@code FindSingleColumnUniqueIndex}: the first of {@code indexes} that is UNIQUE over exactly one
     * column named {@code column} (regardless of case; a {@code COLLATE} or sort order does not matter, a
     * {@code WHERE} is ignored); empty when there is none.
     */
    public static java.util.Optional<IndexSql> findSingleColumnUnique(List<String> indexes, String column) {
        for (String sql : indexes) {
            IndexSql index = parse(sql);
            if (index.unique() && index.columns().size() == 1 && index.columns().getFirst().name().equalsIgnoreCase(column)) {
                return java.util.Optional.of(index);
            }
        }
        return java.util.Optional.empty();
    }

    /** Parses {@code sql}; an unparsable statement gives an index with no name (not {@link #valid()}). */
    public static IndexSql parse(String sql) {
        Matcher m = INDEX.matcher(sql);
        if (!m.find()) {
            return new IndexSql(false, false, "", "", "", List.of(), "");
        }
        List<String> nameParts = SqlTokenizer.scanAll(m.group(3), ".");
        String schema = nameParts.size() == 2 ? trim(nameParts.get(0)) : "";
        String name = nameParts.isEmpty() ? "" : trim(nameParts.get(nameParts.size() == 2 ? 1 : 0));
        List<Column> columns = new ArrayList<>();
        for (String raw : SqlTokenizer.scanAll(m.group(5), ",")) {
            Matcher c = COLUMN.matcher(raw);
            if (!c.matches() || trim(c.group(1)).isEmpty()) {
                continue;
            }
            columns.add(new Column(trim(c.group(1)), c.group(2) == null ? "" : c.group(2).strip(),
                    c.group(3) == null ? "" : c.group(3).toUpperCase(Locale.ROOT)));
        }
        return new IndexSql(m.group(1) != null && !m.group(1).isBlank(), m.group(2) != null && !m.group(2).isBlank(),
                schema, name, trim(m.group(4)), columns, m.group(6) == null ? "" : m.group(6).strip());
    }

    boolean valid() {
        return !name.isEmpty() && !table.isEmpty() && !columns.isEmpty();
    }

    IndexSql onTable(String tableName) {
        return new IndexSql(unique, optional, schema, name, tableName, columns, where);
    }

    /** PocketBase's normalized {@code CREATE INDEX} statement, or "" when not {@link #valid()}. */
    String build() {
        if (!valid()) {
            return "";
        }
        StringBuilder b = new StringBuilder("CREATE ");
        if (unique) {
            b.append("UNIQUE ");
        }
        b.append("INDEX ");
        if (optional) {
            b.append("IF NOT EXISTS ");
        }
        if (!schema.isEmpty()) {
            b.append('`').append(schema).append("`.");
        }
        b.append('`').append(name).append("` ON `").append(table).append("` (");
        boolean multi = columns.size() > 1;
        if (multi) {
            b.append("\n  ");
        }
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (i > 0) {
                b.append(",\n  ");
            }
            String col = c.name().strip();
            b.append(col.contains("(") || col.contains(" ") ? col : "`" + col + "`");
            if (!c.collate().isEmpty()) {
                b.append(" COLLATE ").append(c.collate());
            }
            if (!c.sort().isEmpty()) {
                b.append(' ').append(c.sort().toUpperCase(Locale.ROOT));
            }
        }
        if (multi) {
            b.append('\n');
        }
        b.append(')');
        if (!where.isEmpty()) {
            b.append(" WHERE ").append(where);
        }
        return b.toString();
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && TRIM.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && TRIM.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }
}
