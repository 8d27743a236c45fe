package io.pb4j.core.internal.logs;

import io.pb4j.core.internal.search.FilterException;
import io.pb4j.core.internal.search.IdentifierResolver;
import io.pb4j.core.internal.search.NullFallback;
import io.pb4j.core.internal.search.ResolvedOperand;
import io.pb4j.core.internal.search.SqlJoin;
import io.pb4j.core.spi.SqlDialect;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves the identifiers a logs filter or sort may use, as PocketBase's simple field resolver over
 * {@code _logs}: the columns {@code id}, {@code created}, {@code level}, {@code message}, {@code data}, and JSON paths
 * into {@code data} ({@code data.status}, {@code data.details.0}), which compare without the empty-string fallback.
 */
final class LogColumnsResolver implements IdentifierResolver {
    static final String TABLE = "_logs";
    private static final Set<String> COLUMNS = Set.of("id", "created", "level", "message", "data");
    private static final Pattern DATA_PATH = Pattern.compile("^data\\.[\\w.:]*\\w+$");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final SqlDialect dialect;

    LogColumnsResolver(SqlDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public ResolvedOperand resolve(String identifier) {
        if (COLUMNS.contains(identifier)) {
            return ResolvedOperand.sql(dialect.quote(TABLE) + "." + dialect.quote(identifier));
        }
        if (!DATA_PATH.matcher(identifier).matches()) {
            throw new FilterException("failed to resolve field \"" + identifier + "\"");
        }
        StringBuilder path = new StringBuilder("$");
        String[] parts = identifier.split("\\.");
        for (int i = 1; i < parts.length; i++) {
            // PocketBase's Columnify keeps word characters only here (the pattern allows nothing else but ':')
            String part = parts[i].replace(":", "");
            if (part.isEmpty()) {
                continue;
            }
            path.append(DIGITS.matcher(part).matches() ? "[" + part + "]" : "." + part);
        }
        String column = dialect.quote(TABLE) + "." + dialect.quote("data");
        return ResolvedOperand.sql(dialect.jsonExtract(column, path.toString())).withNullFallback(NullFallback.DISABLED);
    }

    @Override
    public String tableAlias() {
        return TABLE;
    }

    @Override
    public List<SqlJoin> joins() {
        return List.of();
    }
}
