package io.pb4j.core.internal.search;

import io.pb4j.core.Collection;
import io.pb4j.core.field.Field;
import io.pb4j.core.spi.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Resolves the fields of one collection: {@code field}, {@code field:modifier} and JSON paths into {@code json}
 * and {@code geoPoint} fields ({@code data.a.0.b}). Relation paths, back-relations and {@code @collection.*}
 * are not resolved yet (error); {@code @request.*} resolves as PocketBase does without request info (NULL). Both
 * are pluggable through the builder. One resolver per query; not thread-safe.
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
    private final boolean allowHiddenFields;
    private final Function<String, ResolvedOperand> requestFields;
    private final Function<String, ResolvedOperand> collectionFields;
    private final List<SqlJoin> joins = new ArrayList<>();

    private CollectionFieldResolver(Builder b) {
        this.collection = b.collection;
        this.dialect = b.dialect;
        this.tableAlias = b.tableAlias == null ? b.collection.name() : b.tableAlias;
        this.allowHiddenFields = b.allowHiddenFields;
        this.requestFields = b.requestFields;
        this.collectionFields = b.collectionFields;
    }

    public static Builder builder(Collection collection, SqlDialect dialect) {
        return new Builder(collection, dialect);
    }

    @Override
    public ResolvedOperand resolve(String identifier) {
        if (ALLOWED.stream().noneMatch(p -> p.matcher(identifier).matches())) {
            throw FilterException.format("failed to resolve field \"%s\"", identifier);
        }
        if (identifier.startsWith("@request.")) {
            return requestFields.apply(identifier);
        }
        if (identifier.startsWith("@collection.")) {
            return collectionFields.apply(identifier);
        }
        String[] props = identifier.split("\\.", -1);
        for (int i = 0; i < props.length - 1; i++) {
            Field field = collection.field(props[i]).orElseThrow(
                    () -> FilterException.format("failed to resolve field \"%s\"", identifier));
            checkVisible(field);
            if (field.type().equals("json") || field.type().equals("geoPoint")) {
                return jsonPath(field, props, i + 1);
            }
            if (field.type().equals("relation")) {
                throw FilterException.format("relation paths are not supported yet (\"%s\")", identifier);
            }
            throw FilterException.format("field \"%s\" is not a valid relation", props[i]);
        }
        return lastField(props[props.length - 1]);
    }

    @Override
    public String tableAlias() {
        return tableAlias;
    }

    @Override
    public List<SqlJoin> joins() {
        return List.copyOf(joins);
    }

    private ResolvedOperand lastField(String prop) {
        FieldModifier.Split split = FieldModifier.split(prop);
        Field field = collection.field(split.name())
                .orElseThrow(() -> FilterException.format("unknown field \"%s\"", split.name()));
        checkVisible(field);
        String column = column(tableAlias, field.name());
        boolean multiValuer = FieldModifier.isMultiValuer(field);
        if (split.modifier().equals("length") && multiValuer) {
            return ResolvedOperand.sql(dialect.jsonArrayLength(column));
        }
        if (split.modifier().equals("each") && multiValuer) {
            return each(field, column);
        }
        ResolvedOperand result = ResolvedOperand.sql(column);
        if (field.name().equals("email") && collection.isAuth() && !allowHiddenFields) {
            String visible = column(tableAlias, "emailVisibility") + " = TRUE";
            result = result.withAfterBuild(expr -> SqlFragment.concat("((", expr, ") AND (" + visible + "))"));
        }
        if (field.type().equals("json")) {
            result = result.withValue(SqlFragment.raw(dialect.jsonExtract(column, "$")))
                    .withNullFallback(NullFallback.DISABLED);
        }
        if (split.modifier().equals("lower")) {
            result = result.withValue(SqlFragment.concat("LOWER(", result.value(), ")"));
        }
        return result;
    }

    private ResolvedOperand each(Field field, String column) {
        String jeAlias = "__je_" + tableAlias + "_" + field.name();
        registerJoin(new SqlJoin(SqlFragment.raw(dialect.jsonEach(column)), jeAlias, java.util.Optional.empty()));
        ResolvedOperand result = ResolvedOperand.sql(column(jeAlias, "value"));
        if (!FieldModifier.isMultiple(field)) {
            return result;
        }
        String mmAlias = "__mm_" + tableAlias;
        String mmJeAlias = "__je_" + mmAlias + "_" + field.name();
        SqlFragment from = SqlFragment.raw(dialect.quote(collection.name()) + " " + dialect.quote(mmAlias)
                + " LEFT JOIN " + dialect.jsonEach(column(mmAlias, field.name())) + " " + dialect.quote(mmJeAlias)
                + " WHERE " + column(mmAlias, "id") + " = " + column(tableAlias, "id"));
        return result.withMultiMatch(new MultiMatch(SqlFragment.raw(column(mmJeAlias, "value")), from));
    }

    private ResolvedOperand jsonPath(Field field, String[] props, int from) {
        StringBuilder path = new StringBuilder("$");
        for (int i = from; i < props.length; i++) {
            // PocketBase strips ':' from JSON path segments; a modifier there is not a modifier
            String segment = props[i].replace(":", "");
            if (segment.isEmpty()) {
                throw FilterException.format("invalid JSON path segment in \"%s\"", String.join(".", props));
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(segment).append(']');
            } else {
                path.append('.').append(segment);
            }
        }
        String sql = dialect.jsonExtract(column(tableAlias, field.name()), path.toString());
        return ResolvedOperand.sql(sql).withNullFallback(NullFallback.DISABLED);
    }

    private void checkVisible(Field field) {
        if (field.hidden() && !allowHiddenFields) {
            throw FilterException.format("non-filterable field \"%s\"", field.name());
        }
    }

    private void registerJoin(SqlJoin join) {
        joins.removeIf(j -> j.alias().equals(join.alias()));
        joins.add(join);
    }

    private String column(String alias, String name) {
        return dialect.quote(alias) + "." + dialect.quote(name);
    }

    /** Configures a {@link CollectionFieldResolver}. */
    public static final class Builder {
        private final Collection collection;
        private final SqlDialect dialect;
        private String tableAlias;
        private boolean allowHiddenFields;
        private Function<String, ResolvedOperand> requestFields = id -> ResolvedOperand.sql("NULL");
        private Function<String, ResolvedOperand> collectionFields = id -> {
            throw FilterException.format("@collection fields are not supported yet (\"%s\")", id);
        };

        private Builder(Collection collection, SqlDialect dialect) {
            this.collection = Objects.requireNonNull(collection, "collection");
            this.dialect = Objects.requireNonNull(dialect, "dialect");
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

        /** Resolves {@code @request.*} identifiers (already shape-checked); the default yields NULL. */
        public Builder requestFields(Function<String, ResolvedOperand> resolver) {
            this.requestFields = Objects.requireNonNull(resolver, "requestFields");
            return this;
        }

        /** Resolves {@code @collection.*} identifiers; the default rejects them. */
        public Builder collectionFields(Function<String, ResolvedOperand> resolver) {
            this.collectionFields = Objects.requireNonNull(resolver, "collectionFields");
            return this;
        }

        public CollectionFieldResolver build() {
            return new CollectionFieldResolver(this);
        }
    }
}
