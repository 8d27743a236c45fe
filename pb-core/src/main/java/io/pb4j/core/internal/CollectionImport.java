package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.ValidationError;
import io.pb4j.core.ValidationException;
import io.pb4j.core.field.Field;
import io.pb4j.core.spi.SqlSession;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PocketBase's {@code ImportCollections}, in the caller's transaction: each entry is matched to a stored collection by
 * id, else by name, and merged onto it, or created; with {@code deleteMissing} the non-system collections absent from
 * the import are deleted first (without integrity checks) and matched collections lose the non-system fields the entry
 * does not list. Non-views are saved before views, every collection is saved before any is validated (so relations
 * may point forward), and the first failure aborts the whole import.
 *
 * <p>Every failure is a {@link ValidationException} with PocketBase's single {@code collections} error
 * ({@code validation_collections_import_failure}): "Data validations failed for collection …" for a validation
 * failure, "Failed to import the collections configuration. Raw error: …" for anything else.
 */
public final class CollectionImport {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private CollectionImport() {
    }

    public static void run(SqlSession s, List<JsonObject> toImport, boolean deleteMissing) {
        run(s, toImport, deleteMissing, CollectionWrites.NONE);
    }

    /** {@link #run(SqlSession, List, boolean)} with each save and delete through {@code writes} (the app's hooks). */
    public static void run(SqlSession s, List<JsonObject> toImport, boolean deleteMissing, CollectionWrites writes) {
        Map<String, Collection> stored = new LinkedHashMap<>();
        List<Collection> saved;
        try {
            saved = saveAll(s, toImport, deleteMissing, stored, writes);
        } catch (RuntimeException e) {
            throw failure("Failed to import the collections configuration. Raw error:\n" + e.getMessage());
        }
        // validated without hooks, as PocketBase's import runs its collection validator directly
        for (Collection c : saved) {
            Map<String, Object> errors = CollectionValidator.validate(s, c, Optional.ofNullable(stored.get(c.id())), false);
            if (!errors.isEmpty()) {
                throw failure("Data validations failed for collection \"" + c.name() + "\" (" + c.id() + "):\n"
                        + indented(errors));
            }
        }
    }

    /** Deletes the missing collections (when asked) and saves the imported ones; fills {@code stored} by id. */
    private static List<Collection> saveAll(SqlSession s, List<JsonObject> toImport, boolean deleteMissing,
                                            Map<String, Collection> stored, CollectionWrites writes) {
        if (toImport.isEmpty()) {
            throw new IllegalArgumentException("no collections to import");
        }
        List<Imported> imported = new ArrayList<>();
        for (JsonObject data : toImport) {
            imported.add(prepare(s, data, deleteMissing));
        }
        // views last, since their queries may read the other collections
        imported.sort(Comparator.comparing((Imported i) -> i.collection().isView())
                .thenComparing(Imported::created).thenComparing(Imported::updated));
        Set<String> importedIds = new HashSet<>();
        imported.forEach(i -> importedIds.add(i.collection().id()));
        List<Collection> existing = CollectionSaver.loadAll(s).stream().sorted(Comparator.comparing(Collection::updated)).toList();
        existing.forEach(c -> stored.put(c.id(), c));
        if (deleteMissing) {
            // before the saves, in case an imported collection reuses a deleted one's name
            for (Collection c : existing) {
                if (!importedIds.contains(c.id()) && !c.system()) {
                    CollectionSaver.deleteUnchecked(s, c, writes);
                }
            }
        }
        List<Collection> saved = new ArrayList<>();
        for (Imported i : imported) {
            saved.add(save(s, i.collection(), writes));
        }
        return saved;
    }

    private static Collection save(SqlSession s, Collection c, CollectionWrites writes) {
        try {
            return CollectionSaver.saveNoValidate(s, c, writes);
        } catch (RuntimeException e) {
            String detail = e instanceof ValidationException v ? indented(v.errors()) : e.getMessage();
            throw new IllegalStateException("failed to save collection \"" + c.name() + "\": " + detail, e);
        }
    }

    /** The entry as a collection: loaded onto the stored one it matches (by id, else by name), or new. */
    private static Imported prepare(SqlSession s, JsonObject data, boolean deleteMissing) {
        String idOrName = text(data, "id").isEmpty() ? text(data, "name") : text(data, "id");
        Optional<Collection> existing = idOrName.isEmpty() ? Optional.empty() : CollectionSaver.load(s, idOrName);
        if (existing.isPresent() && deleteMissing && (!data.containsKey("fields") || data.get("fields") == JsonValue.NULL)) {
            data = Json.objectWith(data, "fields", JsonValue.EMPTY_JSON_ARRAY);
        }
        Collection c = CollectionForm.read(data, existing);
        if (existing.isPresent()) {
            c = c.toBuilder().fields(mergeFields(c.fields(), existing.get().fields(), deleteMissing)).build();
        }
        return new Imported(c, text(data, "created").isEmpty() ? c.created() : text(data, "created"),
                text(data, "updated").isEmpty() ? c.updated() : text(data, "updated"));
    }

    /**
     * The stored fields the entry does not list (by id) are kept, except non-system ones under {@code deleteMissing};
     * a kept field replaces a listed one of the same name and type, so its column is not dropped and re-added.
     */
    private static List<Field> mergeFields(List<Field> listed, List<Field> stored, boolean deleteMissing) {
        List<Field> out = new ArrayList<>(listed);
        for (Field f : stored) {
            if ((!f.system() && deleteMissing) || out.stream().anyMatch(x -> x.id().equals(f.id()))) {
                continue;
            }
            int sameName = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).name().equals(f.name())) {
                    sameName = i;
                    break;
                }
            }
            if (sameName >= 0 && out.get(sameName).type().equals(f.type())) {
                out.set(sameName, f);
            } else {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The errors as Go's {@code json.MarshalIndent(errs, "", "  ")} writes ozzo-validation errors: keys sorted, each
     * error as its message.
     */
    static String indented(Map<String, ?> errors) {
        StringBuilder out = new StringBuilder();
        indented(out, errors, "");
        return out.toString();
    }

    private static void indented(StringBuilder out, Object value, String indent) {
        if (!(value instanceof Map<?, ?> map)) {
            String message = value instanceof ValidationError e ? e.message() : String.valueOf(value);
            out.append(goString(message));
            return;
        }
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        List<String> keys = map.keySet().stream().map(String::valueOf).sorted().toList();
        for (int i = 0; i < keys.size(); i++) {
            out.append(indent).append("  ").append(goString(keys.get(i))).append(": ");
            indented(out, map.get(keys.get(i)), indent + "  ");
            out.append(i < keys.size() - 1 ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    /** A JSON string as Go writes it, with {@code <}, {@code >} and {@code &} escaped. */
    private static String goString(String text) {
        return JSON.createValue(text).toString()
                .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String text(JsonObject data, String key) {
        return data.get(key) instanceof jakarta.json.JsonString v ? v.getString() : "";
    }

    private static ValidationException failure(String message) {
        return new ValidationException(Map.of("collections", new ValidationError("validation_collections_import_failure", message)));
    }

    private record Imported(Collection collection, String created, String updated) {
    }
}
