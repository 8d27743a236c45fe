package io.pb4j.core.internal.search;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code LEFT JOIN <source> <alias> [ON <on>]} that a resolved identifier needs on the main query. The query
 * builder adds the joins (de-duplicated by alias, as registered) before {@code WHERE} and then selects
 * {@code DISTINCT} rows.
 */
public record SqlJoin(SqlFragment source, String alias, Optional<SqlFragment> on) {
    public SqlJoin {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(on, "on");
    }

    /** The join clause, quoting the alias with {@code quotedAlias}. */
    public SqlFragment toSql(String quotedAlias) {
        return on.map(o -> SqlFragment.concat("LEFT JOIN ", source, " ", quotedAlias, " ON ", o))
                .orElseGet(() -> SqlFragment.concat("LEFT JOIN ", source, " ", quotedAlias));
    }
}
