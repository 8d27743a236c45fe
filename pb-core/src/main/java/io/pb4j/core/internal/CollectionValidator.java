package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.ValidationError;
import io.pb4j.core.field.Field;
import io.pb4j.core.field.PassthroughField;
import io.pb4j.core.field.RelationField;
import io.pb4j.core.spi.CollectionCheck;
import io.pb4j.core.spi.SqlSession;
import io.pb4j.core.spi.StoreException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

/** PocketBase's collection validation, with its error codes, keyed by collection property. */
final class CollectionValidator {
    private static final Pattern NAME = Pattern.compile("^\\w+$");
    private static final Set<String> RESERVED_FIELD_NAMES =
            Set.of("id", "expand", "collectionid", "collectionname", "null", "true", "false", "_rowid_");
    private static final List<CollectionCheck> CHECKS = ServiceLoader.load(CollectionCheck.class).stream()
            .map(ServiceLoader.Provider::get).toList();
    private static final Set<String> INTERNAL_TABLES = Set.of("_collections", "_params", "_migrations", "_logs", "sqlite_master");

    private CollectionValidator() {
    }

    static Map<String, Object> validate(SqlSession s, Collection c, Optional<Collection> original, boolean trusted) {
        Map<String, Object> errors = new LinkedHashMap<>();
        String type = c.type();
        if (!List.of(Collection.BASE, Collection.AUTH, Collection.VIEW).contains(type)) {
            errors.put("type", new ValidationError("validation_in_invalid", "Must be a valid value."));
        } else if (original.isPresent() && !original.get().type().equals(type)) {
            errors.put("type", new ValidationError("validation_collection_type_change", "Collection type cannot be changed."));
        }
        nameError(s, c, original).ifPresent(e -> errors.put("name", e));
        if (original.isPresent() && original.get().system() != c.system()) {
            errors.put("system", new ValidationError("validation_collection_system_flag_change", "System collection state cannot be changed."));
        }
        Map<String, Object> fieldErrors = fieldErrors(s, c, original, trusted);
        if (!fieldErrors.isEmpty()) {
            errors.put("fields", fieldErrors);
        } else if (c.fields().isEmpty()) {
            errors.put("fields", ValidationError.required());
        } else if (c.field("id").filter(f -> "text".equals(f.type()) && f.toJson().getBoolean("primaryKey", false)).isEmpty()) {
            errors.put("fields", new ValidationError("validation_missing_primary_key", "Missing or invalid \"id\" PK field."));
        }
        ruleErrors(s, c, errors);
        if (c.isView()) {
            viewQueryError(s, c).ifPresent(e -> errors.put("viewQuery", e));
        }
        IndexCheck.error(s, c, original).ifPresent(e -> errors.put("indexes", e));
        IdentityFieldsCheck.error(c).ifPresent(e -> errors.put("passwordAuth", Map.of("identityFields", e)));
        AuthOptionsCheck.errors(s, c).forEach(errors::putIfAbsent);
        for (CollectionCheck check : CHECKS) {
            check.errors(c).forEach(errors::putIfAbsent);
        }
        return errors;
    }

    private static Optional<ValidationError> nameError(SqlSession s, Collection c, Optional<Collection> original) {
        String name = c.name();
        if (name.isEmpty()) {
            return Optional.of(ValidationError.required());
        }
        if (name.length() > 255) {
            return Optional.of(new ValidationError("validation_length_out_of_range", "The length must be between 1 and 255.", Map.of("min", 1, "max", 255)));
        }
        if (name.toLowerCase(Locale.ROOT).contains("_via_")) {
            return Optional.of(new ValidationError("validation_found_via", "The value cannot contain \"_via_\"."));
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of(new ValidationError("validation_match_invalid", "Must be in a valid format."));
        }
        if (original.isPresent() && original.get().system() && !original.get().name().equals(name)) {
            return Optional.of(new ValidationError("validation_collection_system_name_change", "System collection name cannot be changed."));
        }
        if (!s.query("SELECT id FROM _collections WHERE LOWER(name) = LOWER(?) AND id != ?", List.of(name, c.id())).isEmpty()) {
            return Optional.of(new ValidationError("validation_collection_name_exists", "Collection name must be unique (case insensitive)."));
        }
        if (!s.query("SELECT id FROM _collections WHERE id = ? AND id != ?", List.of(name, c.id())).isEmpty()) {
            return Optional.of(new ValidationError("validation_collection_name_id_duplicate", "The name must not match an existing collection id."));
        }
        boolean renamedOrNew = original.map(o -> !o.name().equalsIgnoreCase(name)).orElse(true);
        // a table of a collection saved ahead of its validation (collection import) is no internal table
        boolean presaved = !s.query("SELECT id FROM _collections WHERE LOWER(name) = LOWER(?)", List.of(name)).isEmpty();
        if (renamedOrNew && (INTERNAL_TABLES.contains(name.toLowerCase(Locale.ROOT))
                || (!presaved && !s.query(s.dialect().tableExistsSql(), List.of(name)).isEmpty()))) {
            return Optional.of(new ValidationError("validation_collection_name_invalid", "The name shouldn't match with an existing internal table."));
        }
        return Optional.empty();
    }

    private static Map<String, Object> fieldErrors(SqlSession s, Collection c, Optional<Collection> original, boolean trusted) {
        Map<String, Object> errors = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        List<Field> fields = c.fields();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            Map<String, Object> own = new LinkedHashMap<>();
            String lower = f.name().toLowerCase(Locale.ROOT);
            if (!ids.add(f.id()) || f.id().isEmpty()) {
                own.put("id", new ValidationError("validation_duplicated_field_id", "Duplicated or invalid field id \"" + f.id() + "\""));
            }
            if (f.name().isEmpty()) {
                own.put("name", ValidationError.required());
            } else if (!NAME.matcher(f.name()).matches() || f.name().length() > 100) {
                own.put("name", new ValidationError("validation_match_invalid", "Must be in a valid format."));
            } else if (RESERVED_FIELD_NAMES.contains(lower) && !(lower.equals("id") && "text".equals(f.type()))) {
                own.put("name", new ValidationError("validation_not_in_invalid", "Must not be one of the reserved names."));
            } else if (lower.contains("_via_")) {
                own.put("name", new ValidationError("validation_found_via", "The value cannot contain \"_via_\"."));
            } else if (!names.add(lower)) {
                own.put("name", new ValidationError("validation_duplicated_field_name", "Duplicated or invalid field name " + f.name(),
                        Map.of("fieldName", f.name())));
            } else if (c.isAuth() && (lower.equals("passwordconfirm") || lower.equals("oldpassword"))) {
                own.put("name", new ValidationError("validation_reserved_field_name", "The field name is reserved and cannot be used."));
            }
            if (c.isView()) {
                // inferred from the query: they may change type or be of a type whose module is absent
                own.putAll(f instanceof PassthroughField ? Map.of() : f.validateDefinition());
                if (!own.isEmpty()) {
                    errors.put(String.valueOf(i), own);
                }
                continue;
            }
            Optional<Field> before = original.flatMap(o -> o.fields().stream().filter(x -> x.id().equals(f.id())).findFirst());
            if (before.isPresent() && !before.get().type().equals(f.type())) {
                errors.put(String.valueOf(i), new ValidationError("validation_field_type_change", "Field type cannot be changed."));
                continue;
            }
            if (before.isPresent() && before.get().system() && !before.get().name().equals(f.name())) {
                own.put("name", new ValidationError("validation_system_field_change", "System fields cannot be deleted or renamed."));
            }
            own.putAll(f.validateDefinition());
            if (f instanceof RelationField relation && !own.containsKey("collectionId")) {
                relationTargetError(s, c, relation, before).ifPresent(e -> own.put("collectionId", e));
            }
            if (f instanceof PassthroughField p && !trusted && !before.map(b -> b.toJson().equals(f.toJson())).orElse(false)) {
                own.put("type", p.unavailable());
            }
            if (!own.isEmpty()) {
                errors.put(String.valueOf(i), own);
            }
        }
        original.filter(o -> !c.isView()).ifPresent(o -> {
            for (Field old : o.fields()) {
                if (old.system() && c.fields().stream().noneMatch(f -> f.id().equals(old.id())) && errors.isEmpty()) {
                    errors.put("", new ValidationError("validation_system_field_change", "System fields cannot be deleted or renamed."));
                }
            }
        });
        if (errors.containsKey("")) {
            Object e = errors.remove("");
            return Map.of("0", e);
        }
        return errors;
    }

    /** The query must be given and must pass PocketBase's dry run. */
    private static Optional<ValidationError> viewQueryError(SqlSession s, Collection c) {
        String query = c.options().getString("viewQuery", "");
        if (query.isEmpty()) {
            return Optional.of(ValidationError.required());
        }
        try {
            ViewSchema.dryRun(s, query, 10);
            return Optional.empty();
        } catch (ViewQueryException | StoreException | IllegalArgumentException e) {
            String raw = String.valueOf(e.getMessage());
            return Optional.of(new ValidationError("validation_invalid_view_query",
                    "Invalid query - " + (raw.length() > 500 ? raw.substring(0, 500) : raw)));
        }
    }

    /** PocketBase's checkCollectionId: the target exists (by id), is unchanged, and is no view unless {@code c} is one. */
    private static Optional<ValidationError> relationTargetError(SqlSession s, Collection c, RelationField f, Optional<Field> before) {
        if (before.orElse(null) instanceof RelationField old && !old.collectionId().equals(f.collectionId())) {
            return Optional.of(RelationField.collectionChangedError());
        }
        Optional<Collection> target = CollectionSaver.load(s, f.collectionId()).filter(t -> t.id().equals(f.collectionId()));
        if (target.isEmpty()) {
            return Optional.of(RelationField.missingCollectionError());
        }
        if (!c.isView() && target.get().isView()) {
            return Optional.of(RelationField.viewTargetError());
        }
        return Optional.empty();
    }

    private static void ruleErrors(SqlSession s, Collection c, Map<String, Object> errors) {
        Map<String, Optional<String>> rules = new LinkedHashMap<>();
        rules.put("listRule", c.listRule());
        rules.put("viewRule", c.viewRule());
        rules.put("createRule", c.createRule());
        rules.put("updateRule", c.updateRule());
        rules.put("deleteRule", c.deleteRule());
        for (Map.Entry<String, Optional<String>> r : rules.entrySet()) {
            if (c.isView() && List.of("createRule", "updateRule", "deleteRule").contains(r.getKey()) && r.getValue().isPresent()) {
                errors.put(r.getKey(), new ValidationError("validation_nil_invalid", "Must be blank."));
                continue;
            }
            r.getValue().filter(rule -> !rule.isBlank()).flatMap(rule -> RuleCheck.error(s, c, rule))
                    .ifPresent(msg -> errors.put(r.getKey(), new ValidationError("validation_invalid_rule", "Invalid rule. Raw error: " + msg)));
        }
    }
}
