package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.RequestInfo;
import io.pb4j.core.internal.search.CollectionFieldResolver;
import io.pb4j.core.internal.search.FilterException;
import io.pb4j.core.internal.search.SearchFilter;
import io.pb4j.core.spi.SqlDialect;
import io.pb4j.core.spi.SqlSession;
import java.time.Clock;
import java.util.Optional;

/** Rule checks at collection save time. */
final class Filters {
    private Filters() {
    }

    /**
     * The compile error of {@code rule} against the collection, or empty when it compiles. As PocketBase, the rule is
     * built with an empty request, so {@code @request.*} modifiers are checked too.
     */
    static Optional<String> compileError(SqlSession s, Collection c, String rule) {
        SqlDialect d = s.dialect();
        try {
            SearchFilter.compileRule(rule, CollectionFieldResolver.builder(c, d).allowHiddenFields(true)
                    .requestInfo(RequestInfo.NONE)
                    .collections(idOrName -> CollectionSaver.load(s, idOrName)).build(), d, Clock.systemUTC());
            return Optional.empty();
        } catch (FilterException e) {
            return Optional.of(e.getMessage());
        }
    }
}
