package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.Record;
import io.pb4j.core.ValidationError;
import io.pb4j.core.field.Field;
import io.pb4j.core.spi.SqlDialect;
import io.pb4j.core.spi.SqlSession;
import io.pb4j.core.spi.StoreException;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * View collections as PocketBase builds them ({@code core/view.go}): the SQL view
 * ({@code CREATE VIEW name AS SELECT * FROM (query)}), the fields inferred from the query, and the dry run. Everything
 * runs in the caller's session; the columns of a query are read by creating a temporary view and listing it through
 * {@link SqlDialect#tableColumnsSql()}, so no store-specific SQL lives here.
 */
public final class ViewSchema {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final Pattern CAST = Pattern.compile("(?is)^cast\\s*\\(.*\\s+as\\s+(\\w+)\\s*\\)$");

    /** The inferred fields, with the error that stopped the inference (empty when none). */
    record Inference(List<Field> fields, String error) {
    }

    /** A dry run: the inferred fields and up to the requested number of records. */
    public record DryRun(List<Field> fields, List<Record> sample) {
    }

    private record Column(String name, String type) {
    }

    private ViewSchema() {
    }

    /** Trims the query and its semicolons; refuses more than one statement. */
    static String normalizeSelect(String query) {
        String q = ViewQueryParser.trimSemicolons(query.strip());
        List<String> parts;
        try {
            parts = SqlTokenizer.scanAll(q, ";");
        } catch (IllegalArgumentException e) {
            parts = List.of(q);
        }
        if (parts.size() > 1) {
            throw new ViewQueryException("multiple statements are not supported");
        }
        return q;
    }

    /** PocketBase's {@code CreateViewFields}, keeping what it inferred before an error (as its validator does). */
    static Inference infer(SqlSession s, String query) {
        List<JsonObject> fields = new ArrayList<>();
        try {
            Map<String, JsonObject> suggested = suggestedFields(s, query);
            boolean hasId = false;
            for (Column column : columns(s, query)) {
                hasId |= "id".equals(column.name());
                JsonObject def = suggested.get(column.name());
                add(fields, def != null ? def : defaultField(column.name()));
            }
            if (!hasId) {
                return new Inference(parse(fields), "missing required id column (you can use `(ROW_NUMBER() OVER()) as id` if you don't have one)");
            }
            return new Inference(parse(fields), "");
        } catch (ViewQueryException | IllegalArgumentException | StoreException e) {
            return new Inference(parse(fields), String.valueOf(e.getMessage()));
        }
    }

    static List<Field> createFields(SqlSession s, String query) {
        Inference inference = infer(s, query);
        if (!inference.error().isEmpty()) {
            throw new ViewQueryException(inference.error());
        }
        return inference.fields();
    }

    /** Creates (or replaces) the SQL view {@code name} over the query, with its id normalised to text. */
    static void create(SqlSession s, String name, String query) {
        saveView(s, name, normalizeId(s, query));
    }

    static void drop(SqlSession s, String name) {
        s.execute("DROP VIEW IF EXISTS " + s.dialect().quote(name));
    }

    /** PocketBase's {@code DryRunView}. */
    public static DryRun dryRun(SqlSession s, String query, int sampleSize) {
        String q = normalizeSelect(query);
        List<Field> fields = createFields(s, q);
        String tempName = "temp_view_" + CollectionDefaults.randomString(5);
        Collection temp = Collection.builder().id(CollectionDefaults.collectionId(Collection.VIEW, tempName)).name(tempName)
                .type(Collection.VIEW).fields(fields)
                .options(JSON.createObjectBuilder().add("viewQuery", q).build()).build();
        for (int i = 0; i < fields.size(); i++) {
            Map<String, ValidationError> errors = fields.get(i).validateDefinition();
            if (!errors.isEmpty()) {
                throw new ViewQueryException("invalid field \"" + fields.get(i).name() + "\" (" + i + "): " + describe(errors));
            }
        }
        String normalized;
        try {
            normalized = normalizeId(s, q);
        } catch (ViewQueryException | StoreException e) {
            throw new ViewQueryException("failed to normalize view query id: " + e.getMessage());
        }
        SqlDialect d = s.dialect();
        List<Record> records = new ArrayList<>();
        try {
            // the query is wrapped in a secondary SELECT, as PocketBase does, to discourage inline statements
            for (Map<String, Object> row : s.query("SELECT " + d.quote(tempName) + ".* FROM (SELECT * FROM (" + normalized + ")) AS "
                    + d.quote(tempName) + " LIMIT ?", List.of(sampleSize))) {
                records.add(Record.fromRow(temp, row));
            }
        } catch (StoreException e) {
            throw new ViewQueryException("failed to retrieve query records: " + e.getMessage());
        }
        Set<String> ids = new HashSet<>();
        for (Record r : records) {
            if (r.id().isEmpty()) {
                throw new ViewQueryException("the query could return records with empty or invalid ids");
            }
            if (!ids.add(r.id())) {
                throw new ViewQueryException("the query could return records with non-unique ids");
            }
        }
        return new DryRun(fields, records);
    }

    private static String describe(Map<String, ValidationError> errors) {
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(errors).forEach((k, v) -> parts.add(k + ": " + v.message().replaceAll("\\.$", "")));
        return String.join("; ", parts) + ".";
    }

    private static void saveView(SqlSession s, String name, String query) {
        drop(s, name);
        String q = normalizeSelect(query);
        s.execute("CREATE VIEW " + s.dialect().quote(name) + " AS SELECT * FROM (" + q + ")");
        try {
            tableColumns(s, name);
        } catch (RuntimeException e) {
            drop(s, name);
            throw e;
        }
    }

    /** The columns the query yields, read from a temporary view. */
    private static List<Column> columns(SqlSession s, String query) {
        String tempView = "_temp_" + CollectionDefaults.randomString(6);
        try {
            saveView(s, tempView, query);
            return tableColumns(s, tempView);
        } finally {
            drop(s, tempView);
        }
    }

    private static List<Column> tableColumns(SqlSession s, String name) {
        List<Column> out = new ArrayList<>();
        for (Map<String, Object> row : s.query(s.dialect().tableColumnsSql(), List.of(name))) {
            out.add(new Column(String.valueOf(row.get("name")), row.get("type") == null ? "" : String.valueOf(row.get("type"))));
        }
        if (out.isEmpty()) {
            throw new ViewQueryException("empty table info probably due to invalid or missing table " + name);
        }
        return out;
    }

    /** Wraps the query so that its {@code id} column is text, unless it already is (PocketBase's normalizeViewQueryId). */
    static String normalizeId(SqlSession s, String query) {
        String q = ViewQueryParser.trimSemicolons(query.strip());
        for (Column c : columns(s, q)) {
            if (c.name().equalsIgnoreCase("id") && c.type().equalsIgnoreCase("TEXT")) {
                return q;
            }
        }
        SqlDialect d = s.dialect();
        List<String> columns = new ArrayList<>();
        for (ViewQueryParser.Identifier col : ViewQueryParser.parse(q).columns()) {
            columns.add("id".equals(col.alias()) ? "CAST(" + d.quote("id") + " as TEXT) " + d.quote("id") : d.quote(col.alias()));
        }
        return "SELECT " + String.join(",", columns) + " FROM (" + q + ")";
    }

    /** PocketBase's {@code parseQueryToFields}: field definitions suggested by the select expressions, by alias. */
    private static Map<String, JsonObject> suggestedFields(SqlSession s, String query) {
        ViewQueryParser.Parsed parsed = ViewQueryParser.parse(query);
        Map<String, Collection> collections = collectionsByAlias(s, parsed.tables());
        String mainAlias = parsed.tables().isEmpty() ? "" : parsed.tables().get(0).alias();
        Map<String, JsonObject> result = new HashMap<>();
        for (ViewQueryParser.Identifier col : parsed.columns()) {
            if ("*".equals(col.alias())) {
                throw new ViewQueryException("wildcard columns (*) are not supported - manually type the collection field names you want the view query to have");
            }
            String alias = col.alias();
            String lower = col.original().toLowerCase(Locale.ROOT);
            if ("id".equals(alias)) {
                result.put(alias, idField());
                continue;
            }
            if (lower.startsWith("count(")) {
                result.put(alias, number(alias, true));
                continue;
            }
            if (lower.startsWith("total(")) {
                result.put(alias, number(alias, false));
                continue;
            }
            Matcher cast = CAST.matcher(lower);
            if (cast.matches()) {
                JsonObject def = switch (cast.group(1)) {
                    case "real", "decimal", "numeric" -> number(alias, false);
                    case "int", "integer" -> number(alias, true);
                    case "text" -> simple("text", alias);
                    case "boolean", "bool" -> simple("bool", alias);
                    default -> null;
                };
                if (def != null) {
                    result.put(alias, def);
                    continue;
                }
            }
            String[] parts = col.original().split("\\.", -1);
            String fieldName = parts.length == 2 ? parts[1] : parts[0];
            Collection collection = collections.get(parts.length == 2 ? parts[0] : mainAlias);
            Optional<Field> field = collection == null ? Optional.empty()
                    : collection.fields().stream().filter(f -> f.name().equalsIgnoreCase(fieldName)).findFirst();
            if (field.isEmpty()) {
                result.put(alias, defaultField(alias));
            } else if (fieldName.equalsIgnoreCase("id")) {
                result.put(alias, relation(alias, collection.id()));
            } else {
                // a new id, so that the same field aliased twice stays distinct
                result.put(alias, JSON.createObjectBuilder(field.get().toJson())
                        .add("id", "_clone_" + CollectionDefaults.randomString(4)).add("name", alias).build());
            }
        }
        return result;
    }

    private static Map<String, Collection> collectionsByAlias(SqlSession s, List<ViewQueryParser.Identifier> tables) {
        List<String> names = new ArrayList<>();
        for (ViewQueryParser.Identifier t : tables) {
            if (!t.alias().contains("(")) {
                names.add(t.original());
            }
        }
        Map<String, Collection> result = new HashMap<>();
        if (names.isEmpty()) {
            return result;
        }
        String marks = String.join(", ", names.stream().map(n -> "?").toList());
        List<Collection> found = new ArrayList<>();
        for (Map<String, Object> row : s.query("SELECT * FROM _collections WHERE name IN (" + marks + ")", names)) {
            found.add(CollectionCodec.fromRow(row));
        }
        for (ViewQueryParser.Identifier t : tables) {
            for (Collection c : found) {
                if (c.name().equals(t.original())) {
                    result.put(t.alias(), c);
                }
            }
        }
        return result;
    }

    private static JsonObject defaultField(String name) {
        return "id".equals(name) ? idField()
                : JSON.createObjectBuilder().add("type", "json").add("name", name).add("maxSize", 1).build();
    }

    private static JsonObject idField() {
        return JSON.createObjectBuilder().add("type", "text").add("name", "id").add("system", true)
                .add("required", true).add("primaryKey", true).add("pattern", "^[a-z0-9]+$").build();
    }

    private static JsonObject number(String name, boolean onlyInt) {
        return JSON.createObjectBuilder().add("type", "number").add("name", name).add("onlyInt", onlyInt).build();
    }

    private static JsonObject simple(String type, String name) {
        return JSON.createObjectBuilder().add("type", type).add("name", name).build();
    }

    /** PocketBase's single relation to the collection whose id is selected, as it serialises it. */
    private static JsonObject relation(String name, String collectionId) {
        return JSON.createObjectBuilder().add("cascadeDelete", false).add("collectionId", collectionId)
                .add("help", "").add("hidden", false).add("maxSelect", 1).add("minSelect", 0).add("name", name)
                .add("presentable", false).add("required", false).add("system", false).add("type", "relation").build();
    }

    /**
     * PocketBase's {@code FieldsList.Add}: a definition without id gets {@code type+crc32(name)} (made unique) and
     * replaces a field of the same name in place; one with an id replaces the field with that id, or is appended.
     */
    private static void add(List<JsonObject> fields, JsonObject def) {
        String id = def.getString("id", "");
        if (id.isEmpty()) {
            String base = io.pb4j.core.field.FieldTypes.defaultId(def.getString("type", ""), def.getString("name", ""));
            id = base;
            for (int i = 2; i < 1000 && hasId(fields, id); i++) {
                id = base + i;
            }
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).getString("name", "").equals(def.getString("name", ""))) {
                    fields.set(i, withId(def, fields.get(i).getString("id", "")));
                    return;
                }
            }
            fields.add(withId(def, id));
            return;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).getString("id", "").equals(id)) {
                fields.set(i, def);
                return;
            }
        }
        fields.add(def);
    }

    private static boolean hasId(List<JsonObject> fields, String id) {
        return fields.stream().anyMatch(f -> f.getString("id", "").equals(id));
    }

    private static JsonObject withId(JsonObject def, String id) {
        return JSON.createObjectBuilder(def).add("id", id).build();
    }

    /** Fields from definitions; keys sorted, as PocketBase serialises every field (a passthrough keeps its order). */
    private static List<Field> parse(List<JsonObject> defs) {
        jakarta.json.JsonArrayBuilder b = JSON.createArrayBuilder();
        for (JsonObject def : defs) {
            jakarta.json.JsonObjectBuilder sorted = JSON.createObjectBuilder();
            new java.util.TreeMap<>(def).forEach(sorted::add);
            b.add(sorted);
        }
        return CollectionCodec.parseFields(b.build(), true);
    }
}
