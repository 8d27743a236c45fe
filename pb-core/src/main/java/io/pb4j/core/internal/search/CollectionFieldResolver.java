package io.pb4j.core.internal.search;

import io.pb4j.core.Collection;
import io.pb4j.core.field.Field;
import io.pb4j.core.field.RelationField;
import io.pb4j.core.spi.SqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the fields of one collection: {@code field}, {@code field:modifier} and JSON paths into {@code json}
 * and {@code geoPoint} fields ({@code data.a.0.b}), relation paths ({@code author.name}, up to 6 hops) and
 * back-relations ({@code comments_via_post.text}) through {@link Builder#collections}. {@code @collection.*} is not
 * resolved yet (error); {@code @request.*} resolves as PocketBase does without request info (NULL). Both are pluggable
 * through the builder. One resolver per query; not thread-safe.
 */
public final class CollectionFieldResolver implements IdentifierResolver {
    private static final List<Pattern> ALLOWED = List.of(
            Pattern.compile("^\\w+[\\w.:]*$"),
            Pattern.compile("^@request\\.context$"),
            Pattern.compile("^@request\\.method$"),
            Pattern.compile("^@request\\.(auth|body|query|headers)\\.[\\w.:]*\\w+$"),
            Pattern.compile("^@collection\\.\\w+(:\\w+)?\\.[\\w.:]*\\w+$"));

    private static final int MAX_NESTED_RELATIONS = 6;
    private static final Pattern VIA = Pattern.compile("^(\\w+)_via_(\\w+)$");
    private static final Pattern UNIQUE_SINGLE = Pattern.compile(
            "(?is)^\\s*CREATE\\s+UNIQUE\\s+INDEX\\s+[^(]*\\(\\s*[`\"'\\[]?(\\w+)[`\"'\\]]?\\s*(?:COLLATE\\s+\\w+\\s*)?(?:ASC|DESC)?\\s*\\)");

    private final Collection collection;
    private final SqlDialect dialect;
    private final String tableAlias;
    private final boolean allowHiddenFields;
    private final Function<String, ResolvedOperand> requestFields;
    private final Function<String, ResolvedOperand> collectionFields;
    private final Function<String, Optional<Collection>> collections;
    private final String aliasSuffix;
    private final List<SqlJoin> joins = new ArrayList<>();
    private final Map<String, Collection> ruleJoins = new LinkedHashMap<>();

    private CollectionFieldResolver(Builder b) {
        this.collection = b.collection;
        this.dialect = b.dialect;
        this.tableAlias = b.tableAlias == null ? b.collection.name() : b.tableAlias;
        this.allowHiddenFields = b.allowHiddenFields;
        this.requestFields = b.requestFields;
        this.collectionFields = b.collectionFields;
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
        if (identifier.startsWith("@request.")) {
            return requestFields.apply(identifier);
        }
        if (identifier.startsWith("@collection.")) {
            return collectionFields.apply(identifier);
        }
        return new Path(identifier).resolve();
    }

    @Override
    public String tableAlias() {
        return tableAlias;
    }

    @Override
    public List<SqlJoin> joins() {
        return List.copyOf(joins);
    }

    /** The collections joined through relations, by join alias, for the list-rule checks of client filters. */
    public Map<String, Collection> ruleJoins() {
        return Map.copyOf(ruleJoins);
    }

    /**
     * One identifier walked segment by segment (PocketBase's resolver runner): relation and back-relation hops join
     * the main query and, in parallel, the "every value" subquery that multi-row paths compare through.
     */
    private final class Path {
        private final String identifier;
        private final String[] props;
        private Collection active = collection;
        private String activeAlias = tableAlias;
        private final String mmFromAlias = "__mm_" + tableAlias;
        private String mmActiveAlias = mmFromAlias;
        private final StringBuilder mmJoins = new StringBuilder();
        private boolean withMultiMatch;

        Path(String identifier) {
            this.identifier = identifier;
            this.props = identifier.split("\\.", -1);
        }

        ResolvedOperand resolve() {
            for (int i = 0; i < props.length - 1; i++) {
                String prop = props[i];
                Optional<Field> field = active.field(prop);
                field.ifPresent(CollectionFieldResolver.this::checkVisible);
                if (field.isPresent() && (field.get().type().equals("json") || field.get().type().equals("geoPoint"))) {
                    return jsonPath(field.get(), i + 1);
                }
                if (i >= MAX_NESTED_RELATIONS) {
                    throw FilterException.format("max nested relations reached for field \"%s\"", prop);
                }
                if (field.isEmpty()) {
                    backRelation(prop);
                    continue;
                }
                if (!(field.get() instanceof RelationField relation)) {
                    throw FilterException.format("field \"%s\" is not a valid relation", prop);
                }
                Collection target = collections.apply(relation.collectionId())
                        .orElseThrow(() -> FilterException.format("failed to load field \"%s\" collection", prop));
                if (!relation.isMultiple() && i == props.length - 2 && props[i + 1].equals("id")) {
                    return finish(relation.name()); // "rel.id" is the local column: no join
                }
                relationHop(relation, target);
            }
            return finish(props[props.length - 1]);
        }

        private void relationHop(RelationField relation, Collection target) {
            String newAlias = activeAlias + "_" + relation.name() + aliasSuffix;
            String local = column(activeAlias, relation.name());
            if (relation.isMultiple()) {
                String jeAlias = "__je_" + newAlias;
                registerJoin(new SqlJoin(SqlFragment.raw(dialect.jsonEach(local)), jeAlias, Optional.empty()), null);
                registerJoin(new SqlJoin(SqlFragment.raw(dialect.quote(target.name())), newAlias,
                        Optional.of(SqlFragment.raw(column(newAlias, "id") + " = " + column(jeAlias, "value")))), target);
                withMultiMatch = true;
            } else {
                registerJoin(new SqlJoin(SqlFragment.raw(dialect.quote(target.name())), newAlias,
                        Optional.of(SqlFragment.raw(column(newAlias, "id") + " = " + local))), target);
            }
            String mmAlias = mmActiveAlias + "_" + relation.name();
            String mmLocal = column(mmActiveAlias, relation.name());
            if (relation.isMultiple()) {
                String mmJe = mmActiveAlias + "_" + relation.name() + "_je";
                mmJoins.append(" LEFT JOIN ").append(dialect.jsonEach(mmLocal)).append(' ').append(dialect.quote(mmJe));
                mmJoins.append(" LEFT JOIN ").append(dialect.quote(target.name())).append(' ').append(dialect.quote(mmAlias))
                        .append(" ON ").append(column(mmAlias, "id")).append(" = ").append(column(mmJe, "value"));
            } else {
                mmJoins.append(" LEFT JOIN ").append(dialect.quote(target.name())).append(' ').append(dialect.quote(mmAlias))
                        .append(" ON ").append(column(mmAlias, "id")).append(" = ").append(mmLocal);
            }
            active = target;
            activeAlias = newAlias;
            mmActiveAlias = mmAlias;
        }

        /** {@code <collection>_via_<relationField>}: records of that collection whose field points here. */
        private void backRelation(String prop) {
            Matcher m = VIA.matcher(prop);
            if (!m.matches()) {
                throw FilterException.format("failed to resolve field \"%s\"", prop);
            }
            Collection back = collections.apply(m.group(1))
                    .orElseThrow(() -> FilterException.format("failed to load back relation field \"%s\" collection", prop));
            Field backField = back.field(m.group(2))
                    .orElseThrow(() -> FilterException.format("missing back relation field \"%s\"", m.group(2)));
            if (!(backField instanceof RelationField relation)) {
                throw FilterException.format("invalid back relation field \"%s\"", m.group(2));
            }
            if (relation.hidden() && !allowHiddenFields) {
                throw FilterException.format("non-filterable back relation field \"%s\"", relation.name());
            }
            if (!relation.collectionId().equals(active.id())) {
                throw FilterException.format("invalid collection reference of a back relation field \"%s\"", relation.name());
            }
            String newAlias = activeAlias + "_" + prop + aliasSuffix;
            registerJoin(new SqlJoin(SqlFragment.raw(dialect.quote(back.name())), newAlias,
                    Optional.of(SqlFragment.raw(backJoinOn(newAlias, activeAlias, relation)))), back);
            if (relation.isMultiple()) {
                withMultiMatch = true;
            } else if (!withMultiMatch) {
                withMultiMatch = !hasSingleColumnUniqueIndex(back, relation.name());
            }
            String mmAlias = mmActiveAlias + "_" + prop + aliasSuffix;
            mmJoins.append(" LEFT JOIN ").append(dialect.quote(back.name())).append(' ').append(dialect.quote(mmAlias))
                    .append(" ON ").append(backJoinOn(mmAlias, mmActiveAlias, relation));
            active = back;
            activeAlias = newAlias;
            mmActiveAlias = mmAlias;
        }

        private String backJoinOn(String backAlias, String currentAlias, RelationField relation) {
            if (!relation.isMultiple()) {
                return column(backAlias, relation.name()) + " = " + column(currentAlias, "id");
            }
            String je = "__je_" + backAlias;
            return column(currentAlias, "id") + " IN (SELECT " + column(je, "value") + " FROM "
                    + dialect.jsonEach(column(backAlias, relation.name())) + " " + dialect.quote(je) + ")";
        }

        private ResolvedOperand finish(String prop) {
            FieldModifier.Split split = FieldModifier.split(prop);
            Field field = active.field(split.name())
                    .orElseThrow(() -> FilterException.format("unknown field \"%s\"", split.name()));
            checkVisible(field);
            String column = column(activeAlias, field.name());
            String mmColumn = column(mmActiveAlias, field.name());
            boolean multiValuer = FieldModifier.isMultiValuer(field);
            if (split.modifier().equals("length") && multiValuer) {
                return multi(ResolvedOperand.sql(dialect.jsonArrayLength(column)), dialect.jsonArrayLength(mmColumn));
            }
            if (split.modifier().equals("each") && multiValuer) {
                String jeAlias = "__je_" + activeAlias + "_" + field.name() + aliasSuffix;
                registerJoin(new SqlJoin(SqlFragment.raw(dialect.jsonEach(column)), jeAlias, Optional.empty()), null);
                if (FieldModifier.isMultiple(field)) {
                    withMultiMatch = true;
                }
                String mmJe = "__je_" + mmActiveAlias + "_" + field.name() + aliasSuffix;
                if (withMultiMatch) {
                    mmJoins.append(" LEFT JOIN ").append(dialect.jsonEach(mmColumn)).append(' ').append(dialect.quote(mmJe));
                }
                return multi(ResolvedOperand.sql(column(jeAlias, "value")), column(mmJe, "value"));
            }
            ResolvedOperand result = ResolvedOperand.sql(column);
            String mmValue = mmColumn;
            if (field.name().equals("email") && active.isAuth() && !allowHiddenFields) {
                String visible = column(activeAlias, "emailVisibility") + " = TRUE";
                result = result.withAfterBuild(expr -> SqlFragment.concat("((", expr, ") AND (" + visible + "))"));
            }
            if (field.type().equals("json")) {
                result = result.withValue(SqlFragment.raw(dialect.jsonExtract(column, "$")))
                        .withNullFallback(NullFallback.DISABLED);
                mmValue = dialect.jsonExtract(mmColumn, "$");
            }
            if (split.modifier().equals("lower")) {
                result = result.withValue(SqlFragment.concat("LOWER(", result.value(), ")"));
                mmValue = "LOWER(" + mmValue + ")";
            }
            return multi(result, mmValue);
        }

        private ResolvedOperand jsonPath(Field field, int from) {
            StringBuilder path = new StringBuilder("$");
            for (int i = from; i < props.length; i++) {
                // PocketBase strips ':' from JSON path segments; a modifier there is not a modifier
                String segment = props[i].replace(":", "");
                if (segment.isEmpty()) {
                    throw FilterException.format("invalid JSON path segment in \"%s\"", identifier);
                }
                if (segment.chars().allMatch(Character::isDigit)) {
                    path.append('[').append(segment).append(']');
                } else {
                    path.append('.').append(segment);
                }
            }
            String sql = dialect.jsonExtract(column(activeAlias, field.name()), path.toString());
            ResolvedOperand result = ResolvedOperand.sql(sql).withNullFallback(NullFallback.DISABLED);
            return multi(result, dialect.jsonExtract(column(mmActiveAlias, field.name()), path.toString()));
        }

        /** Adds the "every value" subquery when the path went through a multi-row hop. */
        private ResolvedOperand multi(ResolvedOperand result, String mmValue) {
            if (!withMultiMatch) {
                return result;
            }
            SqlFragment from = SqlFragment.raw(dialect.quote(collection.name()) + " " + dialect.quote(mmFromAlias) + mmJoins
                    + " WHERE " + column(mmFromAlias, "id") + " = " + column(tableAlias, "id"));
            return result.withMultiMatch(new MultiMatch(SqlFragment.raw(mmValue), from));
        }
    }

    /** PocketBase's FindSingleColumnUniqueIndex, enough to tell whether a back-relation yields one row. */
    private static boolean hasSingleColumnUniqueIndex(Collection c, String column) {
        for (String index : c.indexes()) {
            Matcher m = UNIQUE_SINGLE.matcher(index);
            if (m.find() && m.group(1).equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    private void checkVisible(Field field) {
        if (field.hidden() && !allowHiddenFields) {
            throw FilterException.format("non-filterable field \"%s\"", field.name());
        }
    }

    /**
     * Adds (or replaces) a join. A join of a collection in a client filter needs that collection's list access:
     * a null listRule fails, and its rule is later AND-ed by the caller ({@link #ruleJoins()}).
     */
    private void registerJoin(SqlJoin join, Collection joined) {
        if (joined != null && !allowHiddenFields) {
            if (joined.listRule().isEmpty()) {
                throw FilterException.format("\"%s\" fields can be accessed only when allowHiddenFields is enabled or by superusers",
                        joined.name());
            }
            ruleJoins.put(join.alias(), joined);
        }
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
        private Function<String, Optional<Collection>> collections = idOrName -> Optional.empty();
        private String aliasSuffix = "";
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
