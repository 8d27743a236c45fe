package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.Cast;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * PocketBase's {@code relation} field: ids of records of the collection {@code collectionId}. Values behave like a
 * {@link SelectField}'s ({@code maxSelect} ≤ 1 is single). Whether the ids exist needs the database, so it is a
 * separate step ({@link #validateReferences}) that the record saver runs inside its transaction.
 */
public record RelationField(String id, String name, boolean system, boolean hidden, boolean presentable, String help,
        String collectionId, boolean cascadeDelete, int minSelect, int maxSelect, boolean required)
        implements StringListField {
    /** The type name in PocketBase's JSON. */
    public static final String TYPE = "relation";

    /** A builder of a {@code relation} field named {@code name} with records of the collection with id {@code collectionId}; see {@link FieldBuilder}. */
    public static FieldBuilders.Relation builder(String name, String collectionId) {
        return new FieldBuilders.Relation(name, collectionId);
    }

    /** Looks up the target collection's records; supplied by the caller, inside its transaction. */
    public interface References {
        /** How many of {@code ids} exist in the collection with this id (or name); empty when it does not exist. */
        Optional<Integer> count(String collectionIdOrName, List<String> ids);
    }

    /** Creates the value from its components. */
    public RelationField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(collectionId, "collectionId");
    }

    /** Reads a definition; missing options take their zero values. */
    public static RelationField fromJson(JsonObject json) {
        return new RelationField(Definitions.str(json, "id"), Definitions.str(json, "name"),
                Definitions.bool(json, "system"), Definitions.bool(json, "hidden"),
                Definitions.bool(json, "presentable"), Definitions.str(json, "help"),
                Definitions.str(json, "collectionId"), Definitions.bool(json, "cascadeDelete"),
                Definitions.intValue(json, "minSelect"), Definitions.intValue(json, "maxSelect"),
                Definitions.bool(json, "required"));
    }

    /** Whether more than one record may be related ({@code maxSelect} above 1). */
    public boolean isMultiple() {
        return maxSelect > 1;
    }

    /** The value as a list of ids (empty, one or many), whatever the field's cardinality. */
    public List<String> ids(Object value) {
        return Cast.toUniqueStrings(value);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Definitions.write(this, help, Map.of("collectionId", collectionId, "cascadeDelete", cascadeDelete,
                "minSelect", minSelect, "maxSelect", maxSelect, "required", required));
    }

    /** The checks that need no database: required, minSelect and maxSelect. */
    @Override
    public Optional<ValidationError> validate(Object value) {
        List<String> ids = Cast.toUniqueStrings(value);
        if (ids.isEmpty()) {
            return required ? Optional.of(Errors.required()) : Optional.empty();
        }
        if (minSelect > 0 && ids.size() < minSelect) {
            return Optional.of(Errors.of("validation_not_enough_values", "Select at least {{.minSelect}}",
                    Map.of("minSelect", minSelect)));
        }
        int limit = Math.max(maxSelect, 1);
        if (ids.size() > limit) {
            return Optional.of(Errors.of("validation_too_many_values", "Select no more than {{.maxSelect}}",
                    Map.of("maxSelect", limit)));
        }
        return Optional.empty();
    }

    /** Whether every id exists in the target collection; run after {@link #validate} passed. */
    public Optional<ValidationError> validateReferences(Object value, References references) {
        List<String> ids = Cast.toUniqueStrings(value);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> found = references.count(collectionId, ids);
        if (found.isEmpty()) {
            return Optional.of(Errors.of("validation_missing_rel_collection",
                    "Relation connection is missing or cannot be accessed"));
        }
        if (found.get() != ids.size()) {
            return Optional.of(Errors.of("validation_missing_rel_records",
                    "Failed to find all relation records with the provided ids"));
        }
        return Optional.empty();
    }

    /**
     * The option checks that need no database; the target collection (exists, unchanged, not a view for a non-view
     * collection) is checked by the collection validator with {@link #collectionChangedError()} and friends.
     */
    @Override
    public Map<String, ValidationError> validateDefinition() {
        Map<String, ValidationError> errors = new LinkedHashMap<>(Definitions.common(this, help));
        if (collectionId.isEmpty()) {
            errors.put("collectionId", Errors.required());
        }
        if (minSelect < 0) {
            errors.put("minSelect", Errors.notLessThan(0));
        }
        if (minSelect > 0 && maxSelect == 0) {
            errors.put("maxSelect", Errors.required());
        } else if (maxSelect != 0 && maxSelect < minSelect) {
            errors.put("maxSelect", Errors.notLessThan(minSelect));
        }
        return errors;
    }

    /** PocketBase's error for a relation field whose target collection changed. */
    public static ValidationError collectionChangedError() {
        return Errors.of("validation_field_relation_change", "The relation collection cannot be changed.");
    }

    /** PocketBase's error for a relation to a collection that does not exist. */
    public static ValidationError missingCollectionError() {
        return Errors.of("validation_field_relation_missing_collection", "The relation collection doesn't exist.");
    }

    /** PocketBase's error for a relation of a non-view collection to a view. */
    public static ValidationError viewTargetError() {
        return Errors.of("validation_relation_field_non_view_base_collection",
                "Only view collections are allowed to have relations to other views.");
    }
}
