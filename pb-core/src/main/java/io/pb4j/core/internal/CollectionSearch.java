package io.pb4j.core.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.spi.SqlSession;
import java.util.List;

/** Filters and sorts {@code _collections} rows for the collections list. */
public final class CollectionSearch {
    private CollectionSearch() {
    }

    public static List<Collection> search(SqlSession s, String filter, String sort) {
        throw ApiException.badRequest("");
    }
}
