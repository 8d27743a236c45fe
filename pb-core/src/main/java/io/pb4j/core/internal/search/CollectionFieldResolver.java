package io.pb4j.core.internal.search;

import io.pb4j.core.Collection;
import io.pb4j.core.RequestInfo;
import io.pb4j.core.field.Field;
import io.pb4j.core.spi.SqlDialect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Resolves the identifiers of a filter or rule over one collection (PocketBase's RecordFieldResolver):
 * {@code field}, {@code field:modifier}, JSON paths into {@code json} and {@code geoPoint} fields
 * ({@code data.a.0.b}), relation paths ({@code author.name}, up to 6 hops), back-relations
 * ({@code comments_via_post.text}), {@code @collection.<name>[:alias].<field…>} and {@code @request.*} (see
 * {@link RequestFields}). Without request info every {@code @request.*} identifier is NULL. Collections other than
 * the queried one are found through {@link Builder#collections}. One resolver per query; not thread-safe.
 */
public final class CollectionFieldResolver implements IdentifierResolver {
    private static final List<Pattern> ALLOWED = List.of(
            Pattern.compile("^\\w+[\\w.:]*$"),
            Pattern.compile("^@request\\.context$"),
            Pattern.compile("^@request\\.method$"),
            Pattern.compile("^@request\\.(auth|body|query|headers)\\.[\\w.:]*\\w+$"),
            Pattern.compile("^@collection\\.\\w+(:\\w+)?\\.[\\w.:]*\\w+$"));

    private final Collection collection;
    private final SqlDialect dialect;
    private final String tableAlias;
    private final String mainTable;
    private final boolean allowHiddenFields;
    private final Optional<RequestInfo> requestInfo;
    private final Function<String, Optional<Collection>> collections;
    private final String aliasSuffix;
    private final List<SqlJoin> joins = new ArrayList<>();
    private final Map<String, Collection> ruleJoins = new LinkedHashMap<>();

    private CollectionFieldResolver(Builder b) {
        this.collection = b.collection;
        this.dialect = b.dialect;
        this.tableAlias = b.tableAlias != null ? b.tableAlias : b.mainTable != null ? b.mainTable : b.collection.name();
        this.mainTable = b.mainTable == null ? b.collection.name() : b.mainTable;
        this.allowHiddenFields = b.allowHiddenFields;
        this.requestInfo = b.requestInfo;
        this.aliasSuffix = b.aliasSuffix;
        Function<String, Optional<Collection>> lookup = b.collections;
        // the collection itself may not be stored yet (a rule checked while the collection is created)
        this.collections = idOrName -> idOrName.equals(b.collection.id()) || idOrName.equals(b.collection.name())
                ? Optional.of(b.collection) : lookup.apply(idOrName);
    }

    public static Builder builder(Collection collection, SqlDialect dialect) {
        return new Builder(collection, dialect);
    }

    @Override
    public ResolvedOperand resolve(String identifier) {
        if (ALLOWED.stream().noneMatch(p -> p.matcher(identifier).matches())) {
            throw FilterException.format("failed to resolve field \"%s\"", identifier);
        }
        if (identifier.startsWith("@collection.")) {
            return new FieldPath(this, identifier).fromCollection();
        }
        if (identifier.startsWith("@request.")) {
            return requestInfo.map(info -> new RequestFields(this, info).resolve(identifier))
                    .orElseGet(() -> ResolvedOperand.sql("NULL"));
        }
        return new FieldPath(this, identifier).fromBase();
    }

    @Override
    public String tableAlias() {
        return tableAlias;
    }

    /** The table (or CTE) the main alias reads; "every value" subqueries start from it again. */
    String mainTable() {
        return mainTable;
    }

    @Override
    public List<SqlJoin> joins() {
        return List.copyOf(joins);
    }

    /** The collections joined through relations, by join alias in join order, for the list-rule checks of client filters. */
    public Map<String, Collection> ruleJoins() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(ruleJoins));
    }

    Collection collection() {
        return collection;
    }

    SqlDialect dialect() {
        return dialect;
    }

    boolean allowHiddenFields() {
        return allowHiddenFields;
    }

    String aliasSuffix() {
        return aliasSuffix;
    }

    Optional<Collection> loadCollection(String idOrName) {
        return collections.apply(idOrName);
    }

    void checkVisible(Field field) {
        if (field.hidden() && !allowHiddenFields) {
            throw FilterException.format("non-filterable field \"%s\"", field.name());
        }
    }

    /**
     * Adds (or replaces) a join. A join of a collection in a client filter needs that collection's list access:
     * a null listRule fails, and its rule is later AND-ed by the caller ({@link #ruleJoins()}).
     */
    void registerJoin(SqlJoin join, Collection joined) {
        if (joined != null && !allowHiddenFields) {
            if (joined.listRule().isEmpty()) {
                throw FilterException.format("\"%s\" fields can be accessed only when allowHiddenFields is enabled or by superusers",
                        joined.name());
            }
            ruleJoins.put(join.alias(), joined);
        }
        for (int i = 0; i < joins.size(); i++) {
            if (joins.get(i).alias().equals(join.alias())) {
                joins.set(i, join); // in place: later joins may refer to it
                return;
            }
        }
        joins.add(join);
    }

    /** Configures a {@link CollectionFieldResolver}. */
    public static final class Builder {
        private final Collection collection;
        private final SqlDialect dialect;
        private String tableAlias;
        private String mainTable;
        private boolean allowHiddenFields;
        private Optional<RequestInfo> requestInfo = Optional.empty();
        private Function<String, Optional<Collection>> collections = idOrName -> Optional.empty();
        private String aliasSuffix = "";

        private Builder(Collection collection, SqlDialect dialect) {
            this.collection = Objects.requireNonNull(collection, "collection");
            this.dialect = Objects.requireNonNull(dialect, "dialect");
        }

        /**
         * The table or CTE standing in for the collection's table, e.g. a one-row CTE of a record not stored yet;
         * defaults to the collection's table. It is also the main alias unless {@link #tableAlias} says otherwise.
         */
        public Builder mainTable(String table) {
            this.mainTable = Objects.requireNonNull(table, "mainTable");
            return this;
        }

        /** The alias columns are qualified with; defaults to the collection name (the table name). */
        public Builder tableAlias(String alias) {
            this.tableAlias = Objects.requireNonNull(alias, "tableAlias");
            return this;
        }

        /** Superusers and API rules may filter on hidden fields; client filters of others may not. */
        public Builder allowHiddenFields(boolean allow) {
            this.allowHiddenFields = allow;
            return this;
        }

        /** What {@code @request.*} sees; without it (the default) every {@code @request.*} identifier is NULL. */
        public Builder requestInfo(RequestInfo info) {
            this.requestInfo = Optional.of(Objects.requireNonNull(info, "requestInfo"));
            return this;
        }

        /** Finds other collections by id or name, for relation paths; the default knows none. */
        public Builder collections(Function<String, Optional<Collection>> lookup) {
            this.collections = Objects.requireNonNull(lookup, "collections");
            return this;
        }

        /** Appended to join aliases so that a second resolver on the same query (a joined list rule) cannot clash. */
        public Builder aliasSuffix(String suffix) {
            this.aliasSuffix = Objects.requireNonNull(suffix, "aliasSuffix");
            return this;
        }

        public CollectionFieldResolver build() {
            return new CollectionFieldResolver(this);
        }
    }
}
