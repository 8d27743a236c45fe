package io.pb4j.core.internal.search;

import io.pb4j.core.spi.SqlDialect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles the {@code sort} query parameter (§6.3): comma-separated entries, each trimmed, {@code -} for
 * descending, {@code +} or nothing for ascending; {@code @random} and {@code @rowid} are special. Thread-safe.
 */
public final class SortCompiler {
    public static final int MAX_ENTRIES = 8;
    public static final int MAX_ENTRY_LENGTH = 255;

    private SortCompiler() {
    }

    /**
     * The {@code ORDER BY} items in order (e.g. {@code `posts`.`title` DESC}); empty for an empty {@code sort}.
     * Entries are resolved through {@code resolver}, which may register joins.
     *
     * @throws FilterException for too many or too long entries, and for entries that are empty, unknown, or
     *                         resolve to a bound value or NULL instead of a column expression
     */
    public static List<SqlFragment> compile(String sort, IdentifierResolver resolver, SqlDialect dialect) {
        if (sort.isEmpty()) {
            return List.of();
        }
        String[] entries = sort.split(",", -1);
        if (entries.length > MAX_ENTRIES) {
            throw FilterException.format("max sort expressions limit reached (max: %d)", MAX_ENTRIES);
        }
        List<SqlFragment> result = new ArrayList<>();
        for (String entry : entries) {
            String trimmed = entry.strip();
            boolean desc = trimmed.startsWith("-");
            String name = desc || trimmed.startsWith("+") ? trimmed.substring(1) : trimmed;
            if (name.getBytes(StandardCharsets.UTF_8).length > MAX_ENTRY_LENGTH) {
                throw FilterException.format("max sort field length limit reached (max: %d)", MAX_ENTRY_LENGTH);
            }
            result.add(entry(name, desc ? " DESC" : " ASC", resolver, dialect));
        }
        return result;
    }

    private static SqlFragment entry(String name, String direction, IdentifierResolver resolver, SqlDialect dialect) {
        if (name.equals("@random")) {
            return SqlFragment.raw(dialect.random());
        }
        if (name.equals("@rowid")) {
            return SqlFragment.raw(dialect.rowId(resolver.tableAlias()) + direction);
        }
        ResolvedOperand resolved;
        try {
            resolved = resolver.resolve(name);
        } catch (FilterException e) {
            throw FilterException.format("invalid sort field \"%s\" - %s", name, e.getMessage());
        }
        String sql = resolved.value().sql();
        if (resolved.hasParams() || sql.isEmpty() || sql.toLowerCase(Locale.ROOT).equals("null")) {
            throw FilterException.format("invalid sort field \"%s\"", name);
        }
        return SqlFragment.raw(sql + direction);
    }
}
