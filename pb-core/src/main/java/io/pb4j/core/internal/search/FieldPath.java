package io.pb4j.core.internal.search;

import io.pb4j.core.Collection;
import io.pb4j.core.field.Field;
import io.pb4j.core.field.RelationField;
import io.pb4j.core.internal.Json;
import io.pb4j.core.spi.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One identifier walked segment by segment (PocketBase's resolver runner). It starts at the queried collection, at
 * an {@code @collection.<name>[:alias]} join, at the {@code @request.auth} record or at the records of a submitted
 * {@code @request.body} relation; relation and back-relation hops then join the main query and, in parallel, the
 * "every value" subquery that multi-row paths compare through. Paths that start at {@code @request} resolve a
 * missing field to NULL instead of failing. One walk per identifier; not thread-safe.
 */
final class FieldPath {
    private static final int MAX_NESTED_RELATIONS = 6;
    private static final Pattern VIA = Pattern.compile("^(\\w+)_via_(\\w+)$");

    private final CollectionFieldResolver resolver;
    private final SqlDialect dialect;
    private final String identifier;
    private final boolean nullifyMissing;
    private final String mmFromAlias;
    private final List<SqlFragment> mmJoins = new ArrayList<>();
    private Collection active;
    private String activeAlias;
    private String mmActiveAlias;
    private boolean withMultiMatch;

    FieldPath(CollectionFieldResolver resolver, String identifier) {
        this.resolver = resolver;
        this.dialect = resolver.dialect();
        this.identifier = identifier;
        this.nullifyMissing = identifier.startsWith("@request.");
        this.active = resolver.collection();
        this.activeAlias = resolver.tableAlias();
        this.mmFromAlias = "__mm_" + activeAlias;
        this.mmActiveAlias = mmFromAlias;
    }

    /** {@code field[.field…]} of the queried collection. */
    ResolvedOperand fromBase() {
        return walk(identifier.split("\\.", -1), 0);
    }

    /** {@code @collection.<nameOrId>[:alias].<field…>}: every row of that collection, so always multi-row. */
    ResolvedOperand fromCollection() {
        String[] props = identifier.split("\\.", -1);
        if (props.length < 3) {
            throw FilterException.format("invalid @collection field path in \"%s\"", identifier);
        }
        String[] nameAndAlias = props[1].split(":", 2);
        Collection joined = resolver.loadCollection(nameAndAlias[0]).orElseThrow(() -> FilterException.format(
                "failed to load collection \"%s\" from field path \"%s\"", props[1], identifier));
        String alias = nameAndAlias.length == 2 && !nameAndAlias[1].isEmpty()
                ? "__collection_alias_" + nameAndAlias[1] : "__collection_" + joined.name();
        startAt(joined, alias + resolver.aliasSuffix(), Optional.empty(), alias2 -> Optional.empty());
        withMultiMatch = true;
        return walk(props, 2);
    }

    /** {@code @request.auth.<field…>} beyond the fields bound directly: the auth record's row, joined by its id. */
    ResolvedOperand fromAuth(Collection authCollection, String authId) {
        String alias = "__auth_" + authCollection.name() + resolver.aliasSuffix();
        startAt(authCollection, alias, Optional.of(idEquals(alias, authId)), mm -> Optional.of(idEquals(mm, authId)));
        return walk(identifier.split("\\.", -1), 2);
    }

    /** {@code @request.body.<relation>.<field…>}: the submitted related records (NULL when none were submitted). */
    ResolvedOperand fromBodyRelation(RelationField relation, List<String> ids) {
        Collection target = resolver.loadCollection(relation.collectionId()).orElseThrow(() -> FilterException.format(
                "failed to load collection \"%s\" from data field \"%s\"", relation.collectionId(), relation.name()));
        if (ids.isEmpty()) {
            return ResolvedOperand.sql("NULL");
        }
        String alias = "__data_" + target.name() + "_" + relation.name() + resolver.aliasSuffix();
        startAt(target, alias, Optional.of(idIn(alias, ids)), mm -> Optional.of(idIn(mm, ids)));
        if (relation.isMultiple()) {
            withMultiMatch = true;
        }
        return walk(identifier.split("\\.", -1), 3);
    }

    /**
     * {@code @request.body.<field>:each}: the submitted items of a select, relation or file field, one row each
     * (every item must match for a multiple field unless the operator is a {@code ?} one).
     */
    ResolvedOperand fromBodyItems(Field field, List<Object> items) {
        String json = Json.write(Json.toJson(items));
        String alias = "__dataEach_je_" + field.name() + resolver.aliasSuffix();
        resolver.registerJoin(new SqlJoin(jsonEachOfParam(json), alias, Optional.empty()), null);
        if (FieldModifier.isMultiple(field)) {
            withMultiMatch = true;
            addMmJoin(jsonEachOfParam(json), "__mm_" + alias, Optional.empty());
        }
        return multi(ResolvedOperand.sql(column(alias, "value")), column("__mm_" + alias, "value"));
    }

    /** The dialect's {@code json_each} over a bound JSON array (bound once per placeholder the dialect writes). */
    private SqlFragment jsonEachOfParam(String json) {
        String sql = dialect.jsonEach("?");
        int placeholders = (int) sql.chars().filter(c -> c == '?').count();
        return new SqlFragment(sql, java.util.Collections.nCopies(placeholders, json));
    }

    /** Joins {@code c} as the first hop of the path, to the main query and to the every-value subquery. */
    private void startAt(Collection c, String alias, Optional<SqlFragment> on,
                         java.util.function.Function<String, Optional<SqlFragment>> mmOn) {
        resolver.registerJoin(new SqlJoin(SqlFragment.raw(dialect.quote(c.name())), alias, on), c);
        String mmAlias = "__mm_" + alias;
        addMmJoin(SqlFragment.raw(dialect.quote(c.name())), mmAlias, mmOn.apply(mmAlias));
        active = c;
        activeAlias = alias;
        mmActiveAlias = mmAlias;
    }

    private SqlFragment idEquals(String alias, String id) {
        return SqlFragment.concat(column(alias, "id") + " = ", SqlFragment.param(id));
    }

    private SqlFragment idIn(String alias, List<String> ids) {
        return SqlFragment.concat(column(alias, "id") + " IN (",
                SqlFragment.join(", ", ids.stream().map(SqlFragment::param).toList()), ")");
    }

    private ResolvedOperand walk(String[] props, int start) {
        for (int i = start; i < props.length - 1; i++) {
            String prop = props[i];
            Optional<Field> field = active.field(prop);
            field.ifPresent(resolver::checkVisible);
            if (field.isPresent() && (field.get().type().equals("json") || field.get().type().equals("geoPoint"))) {
                return jsonPath(field.get(), props, i + 1);
            }
            if (i - start >= MAX_NESTED_RELATIONS) {
                throw FilterException.format("max nested relations reached for field \"%s\"", prop);
            }
            if (field.isEmpty()) {
                if (!backRelation(prop)) {
                    return ResolvedOperand.sql("NULL");
                }
                continue;
            }
            if (!(field.get() instanceof RelationField relation)) {
                throw FilterException.format("field \"%s\" is not a valid relation", prop);
            }
            Collection target = resolver.loadCollection(relation.collectionId())
                    .orElseThrow(() -> FilterException.format("failed to load field \"%s\" collection", prop));
            if (!relation.isMultiple() && i == props.length - 2 && props[i + 1].equals("id")) {
                return finish(relation.name()); // "rel.id" is the local column: no join
            }
            relationHop(relation, target);
        }
        return finish(props[props.length - 1]);
    }

    private void relationHop(RelationField relation, Collection target) {
        String newAlias = activeAlias + "_" + relation.name() + resolver.aliasSuffix();
        String local = column(activeAlias, relation.name());
        if (relation.isMultiple()) {
            String jeAlias = "__je_" + newAlias;
            resolver.registerJoin(new SqlJoin(SqlFragment.raw(dialect.jsonEach(local)), jeAlias, Optional.empty()), null);
            resolver.registerJoin(new SqlJoin(SqlFragment.raw(dialect.quote(target.name())), newAlias,
                    Optional.of(SqlFragment.raw(column(newAlias, "id") + " = " + column(jeAlias, "value")))), target);
            withMultiMatch = true;
        } else {
            resolver.registerJoin(new SqlJoin(SqlFragment.raw(dialect.quote(target.name())), newAlias,
                    Optional.of(SqlFragment.raw(column(newAlias, "id") + " = " + local))), target);
        }
        String mmAlias = mmActiveAlias + "_" + relation.name();
        String mmLocal = column(mmActiveAlias, relation.name());
        if (relation.isMultiple()) {
            String mmJe = mmActiveAlias + "_" + relation.name() + "_je";
            addMmJoin(SqlFragment.raw(dialect.jsonEach(mmLocal)), mmJe, Optional.empty());
            addMmJoin(SqlFragment.raw(dialect.quote(target.name())), mmAlias,
                    Optional.of(SqlFragment.raw(column(mmAlias, "id") + " = " + column(mmJe, "value"))));
        } else {
            addMmJoin(SqlFragment.raw(dialect.quote(target.name())), mmAlias,
                    Optional.of(SqlFragment.raw(column(mmAlias, "id") + " = " + mmLocal)));
        }
        active = target;
        activeAlias = newAlias;
        mmActiveAlias = mmAlias;
    }

    /**
     * {@code <collection>_via_<relationField>}: records of that collection whose field points here. False when the
     * path resolves to NULL instead ({@code @request.*} paths: a missing or foreign back-relation, PocketBase v0.26+).
     */
    private boolean backRelation(String prop) {
        Matcher m = VIA.matcher(prop);
        if (!m.matches()) {
            return missing("failed to resolve field \"%s\"", prop);
        }
        Optional<Collection> back = resolver.loadCollection(m.group(1));
        if (back.isEmpty()) {
            return missing("failed to load back relation field \"%s\" collection", prop);
        }
        Optional<Field> backField = back.get().field(m.group(2));
        if (backField.isEmpty()) {
            return missing("missing back relation field \"%s\"", m.group(2));
        }
        if (!(backField.get() instanceof RelationField relation)) {
            return missing("invalid back relation field \"%s\"", m.group(2));
        }
        if (relation.hidden() && !resolver.allowHiddenFields()) {
            throw FilterException.format("non-filterable back relation field \"%s\"", relation.name());
        }
        if (!relation.collectionId().equals(active.id())) {
            return missing("invalid collection reference of a back relation field \"%s\"", relation.name());
        }
        Collection backCollection = back.get();
        String newAlias = activeAlias + "_" + prop + resolver.aliasSuffix();
        resolver.registerJoin(new SqlJoin(SqlFragment.raw(dialect.quote(backCollection.name())), newAlias,
                Optional.of(SqlFragment.raw(backJoinOn(newAlias, activeAlias, relation)))), backCollection);
        if (relation.isMultiple()) {
            withMultiMatch = true;
        } else if (!withMultiMatch) {
            withMultiMatch = !hasSingleColumnUniqueIndex(backCollection, relation.name());
        }
        String mmAlias = mmActiveAlias + "_" + prop + resolver.aliasSuffix();
        addMmJoin(SqlFragment.raw(dialect.quote(backCollection.name())), mmAlias,
                Optional.of(SqlFragment.raw(backJoinOn(mmAlias, mmActiveAlias, relation))));
        active = backCollection;
        activeAlias = newAlias;
        mmActiveAlias = mmAlias;
        return true;
    }

    private boolean missing(String format, String arg) {
        if (nullifyMissing) {
            return false;
        }
        throw FilterException.format(format, arg);
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
        Optional<Field> found = active.field(split.name());
        if (found.isEmpty()) {
            if (nullifyMissing) {
                return ResolvedOperand.sql("NULL");
            }
            throw FilterException.format("unknown field \"%s\"", split.name());
        }
        Field field = found.get();
        resolver.checkVisible(field);
        String column = column(activeAlias, field.name());
        String mmColumn = column(mmActiveAlias, field.name());
        boolean multiValuer = FieldModifier.isMultiValuer(field);
        if (split.modifier().equals("length") && multiValuer) {
            return multi(ResolvedOperand.sql(dialect.jsonArrayLength(column)), dialect.jsonArrayLength(mmColumn));
        }
        if (split.modifier().equals("each") && multiValuer) {
            String jeAlias = "__je_" + activeAlias + "_" + field.name() + resolver.aliasSuffix();
            resolver.registerJoin(new SqlJoin(SqlFragment.raw(dialect.jsonEach(column)), jeAlias, Optional.empty()), null);
            if (FieldModifier.isMultiple(field)) {
                withMultiMatch = true;
            }
            String mmJe = "__je_" + mmActiveAlias + "_" + field.name() + resolver.aliasSuffix();
            if (withMultiMatch) {
                addMmJoin(SqlFragment.raw(dialect.jsonEach(mmColumn)), mmJe, Optional.empty());
            }
            return multi(ResolvedOperand.sql(column(jeAlias, "value")), column(mmJe, "value"));
        }
        ResolvedOperand result = ResolvedOperand.sql(column);
        String mmValue = mmColumn;
        if (field.name().equals("email") && active.isAuth() && !resolver.allowHiddenFields()) {
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

    private ResolvedOperand jsonPath(Field field, String[] props, int from) {
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
        SqlFragment from = SqlFragment.concat(dialect.quote(resolver.mainTable()) + " " + dialect.quote(mmFromAlias),
                SqlFragment.concat(mmJoins.toArray()),
                " WHERE " + column(mmFromAlias, "id") + " = " + column(resolver.tableAlias(), "id"));
        return result.withMultiMatch(new MultiMatch(SqlFragment.raw(mmValue), from));
    }

    private void addMmJoin(SqlFragment source, String alias, Optional<SqlFragment> on) {
        mmJoins.add(SqlFragment.concat(" ", new SqlJoin(source, alias, on).toSql(dialect.quote(alias))));
    }

    /** PocketBase's FindSingleColumnUniqueIndex, enough to tell whether a back-relation yields one row. */
    private static boolean hasSingleColumnUniqueIndex(Collection c, String column) {
        return io.pb4j.core.internal.IndexSql.findSingleColumnUnique(c.indexes(), column).isPresent();
    }

    private String column(String alias, String name) {
        return dialect.quote(alias) + "." + dialect.quote(name);
    }
}
