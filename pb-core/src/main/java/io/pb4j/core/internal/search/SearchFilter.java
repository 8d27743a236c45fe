package io.pb4j.core.internal.search;

import io.pb4j.core.spi.SqlDialect;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Entry point of the filter language: parses a filter or API rule and compiles it to a SQL predicate with bound
 * parameters. Joins needed by the resolved identifiers are left on the resolver ({@link IdentifierResolver#joins()});
 * the caller adds them and selects {@code DISTINCT} rows when there are any. Thread-safe.
 *
 * <pre>{@code
 * var resolver = CollectionFieldResolver.builder(posts, dialect).allowHiddenFields(isSuperuser).build();
 * SqlFragment where = SearchFilter.compile(filterParam, resolver, dialect);
 * List<SqlFragment> orderBy = SortCompiler.compile(sortParam, resolver, dialect);
 * List<SqlJoin> joins = resolver.joins();
 * }</pre>
 */
public final class SearchFilter {
    /** PocketBase's limit on a client filter, in UTF-8 bytes. */
    public static final int MAX_FILTER_LENGTH = 3500;

    private SearchFilter() {
    }

    /** Compiles a client {@code filter} parameter: at most 3500 bytes and 200 comparisons. */
    public static SqlFragment compile(String filter, IdentifierResolver resolver, SqlDialect dialect) {
        return compile(filter, resolver, dialect, Clock.systemUTC());
    }

    /** As {@link #compile(String, IdentifierResolver, SqlDialect)} with the clock that datetime macros read. */
    public static SqlFragment compile(String filter, IdentifierResolver resolver, SqlDialect dialect, Clock clock) {
        if (filter.getBytes(StandardCharsets.UTF_8).length > MAX_FILTER_LENGTH) {
            throw FilterException.format("max filter length limit reached (max: %d)", MAX_FILTER_LENGTH);
        }
        return compileRule(filter, resolver, dialect, clock);
    }

    /** Compiles an API rule: like a client filter but without the length limit (the 200 comparisons still apply). */
    public static SqlFragment compileRule(String rule, IdentifierResolver resolver, SqlDialect dialect, Clock clock) {
        return new FilterCompiler(resolver, dialect, clock).compile(FilterParser.parse(rule));
    }
}
