package io.pb4j.core.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.field.FieldTypes;
import io.pb4j.core.internal.search.CollectionFieldResolver;
import io.pb4j.core.internal.search.FilterException;
import io.pb4j.core.internal.search.SearchFilter;
import io.pb4j.core.internal.search.SortCompiler;
import io.pb4j.core.internal.search.SqlFragment;
import io.pb4j.core.spi.SqlDialect;
import io.pb4j.core.spi.SqlSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Filters and sorts {@code _collections} rows for the collections list; like PocketBase, only {@code id},
 * {@code created}, {@code updated}, {@code name}, {@code system} and {@code type} can be used.
 */
public final class CollectionSearch {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    /** The searchable {@code _collections} columns, described as fields so the filter compiler can resolve them. */
    private static final Collection COLUMNS = Collection.builder().id("_collections").name("_collections")
            .fields(List.of(text("id"), text("name"), text("type"), text("created"), text("updated"),
                    FieldTypes.fromJson(JSON.createObjectBuilder().add("id", "system").add("name", "system")
                            .add("type", "bool").build())))
            .build();

    private CollectionSearch() {
    }

    public static List<Collection> search(SqlSession s, String filter, String sort) {
        SqlDialect d = s.dialect();
        CollectionFieldResolver resolver = CollectionFieldResolver.builder(COLUMNS, d).build();
        StringBuilder sql = new StringBuilder("SELECT * FROM ").append(d.quote("_collections"));
        List<Object> params = new ArrayList<>();
        try {
            if (!filter.isBlank()) {
                SqlFragment where = SearchFilter.compile(filter, resolver, d);
                sql.append(" WHERE ").append(where.sql());
                params.addAll(where.params());
            }
            if (!sort.isBlank()) {
                List<String> parts = new ArrayList<>();
                for (SqlFragment f : SortCompiler.compile(sort, resolver, d)) {
                    parts.add(f.sql());
                    params.addAll(f.params());
                }
                sql.append(" ORDER BY ").append(String.join(", ", parts));
            }
        } catch (FilterException e) {
            throw ApiException.badRequest("");
        }
        List<Collection> out = new ArrayList<>();
        for (Map<String, Object> row : s.query(sql.toString(), params)) {
            out.add(CollectionCodec.fromRow(row));
        }
        return out;
    }

    private static io.pb4j.core.field.Field text(String name) {
        return FieldTypes.fromJson(JSON.createObjectBuilder().add("id", name).add("name", name).add("type", "text").build());
    }
}
