package io.pb4j.core.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.Record;
import io.pb4j.core.ValidationError;
import io.pb4j.core.ValidationException;
import io.pb4j.core.field.Field;
import io.pb4j.core.field.RelationField;
import io.pb4j.core.field.SaveAwareField;
import io.pb4j.core.spi.SqlDialect;
import io.pb4j.core.spi.SqlSession;
import io.pb4j.core.spi.UniqueViolationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Validates and writes records inside the caller's transaction. */
public final class RecordSaver {
    private RecordSaver() {
    }

    /** Saves without firing record hooks (see {@link #save(SqlSession, Record, RecordCommits)}). */
    public static void save(SqlSession s, Record r) {
        save(s, r, RecordCommits.NONE);
    }

    /**
     * Validates and writes {@code r}, telling {@code commits} of the write (and of cascaded ones). {@code commits}
     * runs the validation and the write as its hooks decide ({@code onRecordCreate} → {@code onRecordValidate},
     * {@code onRecordCreateExecute}), all inside the caller's transaction.
     */
    @SuppressWarnings("unchecked")
    public static void save(SqlSession s, Record r, RecordCommits commits) {
        save(s, r, commits, true);
    }

    /**
     * As {@link #save(SqlSession, Record, RecordCommits)}; without {@code validate} (PocketBase's {@code SaveNoValidate})
     * the field, file and reference checks are skipped, so only the database's own constraints can refuse the write.
     */
    public static void save(SqlSession s, Record r, RecordCommits commits, boolean validate) {
        if (r.collection().isView()) {
            throw ApiException.badRequest("Unsupported collection type.");
        }
        boolean isNew = r.isNew();
        Map<String, Object>[] storedFiles = new Map[1];
        Runnable validation = () -> storedFiles[0] = validateForSave(s, r, isNew, validate);
        Runnable execution = () -> {
            if (storedFiles[0] == null) {
                // a validate hook that answered without next(): the files are still needed for the write
                storedFiles[0] = RecordFiles.stored(s, r);
            }
            String now = io.pb4j.core.DateTimes.now();
            for (Field f : r.collection().fields()) {
                if (f instanceof SaveAwareField saving && !"text".equals(f.type())) {
                    r.setRaw(f.name(), saving.beforeSave(r.values().get(f.name()), isNew, now));
                }
            }
            if (r.collection().isSuperusers()) {
                r.setRaw("verified", true); // superusers are always verified, as in PocketBase
            }
            RecordFiles.beforeWrite(r, storedFiles[0]);
            write(s, r, isNew);
            if (!isNew && r.collection().isAuth()) {
                AuthRecordEffects.afterUpdate(s, r);
            }
        };
        commits.save(s, r, isNew, validate, validation, execution);
    }

    /** Everything that can reject {@code r} before its write; returns its stored files for the write. */
    private static Map<String, Object> validateForSave(SqlSession s, Record r, boolean isNew, boolean validate) {
        settleGeneratedText(r);
        if (!isNew && r.collection().isAuth()) {
            rotateTokenKeyOnCredentialChange(r);
            AuthRecordEffects.beforeUpdate(s, r);
        }
        Map<String, Object> errors = validate ? validate(r) : new LinkedHashMap<>();
        Map<String, Object> storedFiles = RecordFiles.stored(s, r);
        if (validate) {
            RecordFiles.validate(r, storedFiles, errors);
            validateReferences(s, r, errors);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (isNew && r.collection().isAuth()) {
            requireUniqueAuthId(s, r);
        }
        return storedFiles;
    }

    /** The record's column values as they would be stored now, without validation or hashing. */
    public static Map<String, Object> columnValues(Record r) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Field f : r.collection().fields()) {
            columns.put(f.name(), f.toColumn(r.values().get(f.name())));
        }
        return columns;
    }

    /** An auth record id must not exist in another auth collection either (PocketBase's loose cross-check). */
    private static void requireUniqueAuthId(SqlSession s, Record r) {
        SqlDialect d = s.dialect();
        for (Map<String, Object> row : s.query("SELECT name FROM _collections WHERE type = 'auth' AND id != ?", List.of(r.collection().id()))) {
            String table = d.quote(String.valueOf(row.get("name")));
            if (!s.query("SELECT 1 FROM " + table + " WHERE " + d.quote("id") + " = ? LIMIT 1", List.of(r.id())).isEmpty()) {
                throw new ValidationException(Map.of("id",
                        new ValidationError("validation_invalid_auth_id", "Invalid or duplicated auth record id.")));
            }
        }
    }

    /** Text values generated from patterns (the id, tokenKey, autogenerate fields) exist before validation. */
    public static void settleGeneratedText(Record r) {
        for (Field f : r.collection().fields()) {
            if (f instanceof SaveAwareField saving && "text".equals(f.type())) {
                r.setRaw(f.name(), saving.beforeSave(r.values().get(f.name()), r.isNew(), ""));
            }
        }
    }

    private static void write(SqlSession s, Record r, boolean isNew) {
        SqlDialect d = s.dialect();
        String table = d.quote(r.collection().name());
        Map<String, Object> row = columnValues(r);
        List<String> columns = new ArrayList<>(row.keySet());
        List<Object> values = new ArrayList<>(row.values());
        try {
            if (isNew) {
                s.execute(insertSql(d, r.collection(), columns), values);
            } else {
                values.add(r.original().getOrDefault("id", r.id()));
                s.execute("UPDATE " + table + " SET " + String.join(", ", columns.stream().map(c -> d.quote(c) + " = ?").toList())
                        + " WHERE " + d.quote("id") + " = ?", values);
            }
        } catch (UniqueViolationException e) {
            Map<String, Object> unique = new LinkedHashMap<>();
            for (String column : e.columns()) {
                if (r.collection().field(column).isPresent()) {
                    unique.put(column, new ValidationError("validation_not_unique", "Value must be unique."));
                }
            }
            if (unique.isEmpty()) {
                throw ApiException.badRequest("", Map.of());
            }
            throw new ValidationException(unique);
        }
    }

    /** A collection's INSERT with its dialect: built once per collection (and schema), not per record. */
    private record Insert(SqlDialect dialect, List<String> columns, String sql) {
    }

    private static final java.util.concurrent.ConcurrentHashMap<Collection, Insert> INSERTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The INSERT of every column of {@code c}, in {@code columns}' order (the collection's fields). */
    private static String insertSql(SqlDialect d, Collection c, List<String> columns) {
        Insert cached = INSERTS.get(c);
        if (cached != null && cached.dialect() == d && cached.columns().equals(columns)) {
            return cached.sql();
        }
        String sql = "INSERT INTO " + d.quote(c.name()) + " (" + String.join(", ", columns.stream().map(d::quote).toList())
                + ") VALUES (" + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
        if (INSERTS.size() >= 256) {
            INSERTS.clear(); // collections are replaced on every schema change: drop the old ones now and then
        }
        INSERTS.put(c, new Insert(d, List.copyOf(columns), sql));
        return sql;
    }

    /**
     * A new password or email gets a new tokenKey (unless the caller set one), which is how PocketBase revokes every
     * token issued before.
     */
    private static void rotateTokenKeyOnCredentialChange(Record r) {
        boolean passwordChanged = r.values().get("password") instanceof io.pb4j.core.field.PasswordValue pv && !pv.plain().isEmpty();
        boolean emailChanged = !r.email().equals(String.valueOf(r.original().getOrDefault("email", "")));
        boolean tokenKeyChanged = !r.tokenKey().equals(String.valueOf(r.original().getOrDefault("tokenKey", "")));
        if ((passwordChanged || emailChanged) && !tokenKeyChanged) {
            r.collection().field("tokenKey").ifPresent(f -> r.setRaw("tokenKey",
                    io.pb4j.core.internal.security.RandomByRegex.generate(f.toJson().getString("autogeneratePattern", "[a-zA-Z0-9]{50}"))));
        }
    }

    /** Relation ids must exist in their target collections (checked inside the save's transaction). */
    private static void validateReferences(SqlSession s, Record r, Map<String, Object> errors) {
        RelationField.References references = (collection, ids) -> CollectionSaver.load(s, collection).map(target -> {
            String marks = String.join(", ", ids.stream().map(id -> "?").toList());
            List<Map<String, Object>> rows = s.query("SELECT COUNT(*) AS n FROM " + s.dialect().quote(target.name())
                    + " WHERE " + s.dialect().quote("id") + " IN (" + marks + ")", List.copyOf(ids));
            return ((Number) rows.get(0).get("n")).intValue();
        });
        for (Field f : r.collection().fields()) {
            if (f instanceof RelationField relation && !errors.containsKey(f.name())) {
                relation.validateReferences(r.values().get(f.name()), references).ifPresent(e -> errors.put(f.name(), e));
            }
        }
    }

    /**
     * The errors {@link #save} would refuse {@code r} with (fields, files, references), without writing anything;
     * generated values (the id …) are settled first, as a save would.
     */
    public static Map<String, Object> errors(SqlSession s, Record r) {
        settleGeneratedText(r);
        Map<String, Object> errors = validate(r);
        RecordFiles.validate(r, RecordFiles.stored(s, r), errors);
        validateReferences(s, r, errors);
        return errors;
    }

    static Map<String, Object> validate(Record r) {
        Map<String, Object> errors = new LinkedHashMap<>();
        if (!r.isNew() && !r.original().getOrDefault("id", r.id()).equals(r.id())) {
            errors.put("id", new ValidationError("validation_pk_change", "The record primary key cannot be changed."));
        }
        for (Field f : r.collection().fields()) {
            // a stored id is not revalidated: it cannot change and may predate the field's current rules (PocketBase)
            if (errors.containsKey(f.name()) || (!r.isNew() && "id".equals(f.name()) && !String.valueOf(r.original().getOrDefault("id", "")).isEmpty())) {
                continue;
            }
            Optional<ValidationError> error = f.validate(r.values().get(f.name()));
            error.ifPresent(e -> errors.put(f.name(), e));
        }
        return errors;
    }

    /** Deletes without firing record hooks (see {@link #delete(SqlSession, Record, RecordCommits)}). */
    public static void delete(SqlSession s, Record r) {
        delete(s, r, RecordCommits.NONE);
    }

    /** Deletes {@code r} with PocketBase's cascade, telling {@code commits} of every delete and cascaded update. */
    public static void delete(SqlSession s, Record r, RecordCommits commits) {
        if (r.collection().isView()) {
            throw ApiException.badRequest("Unsupported collection type.");
        }
        commits.delete(s, r, () -> {
            if (r.collection().isSuperusers()) {
                List<Map<String, Object>> rows = s.query("SELECT COUNT(*) AS n FROM " + s.dialect().quote(r.collection().name()), List.of());
                if (((Number) rows.get(0).get("n")).longValue() <= 1) {
                    throw ApiException.badRequest("You can't delete the only existing superuser.");
                }
            }
            cascade(s, r, commits);
            s.execute("DELETE FROM " + s.dialect().quote(r.collection().name()) + " WHERE " + s.dialect().quote("id") + " = ?",
                    List.of(r.id()));
            if (r.collection().isAuth()) {
                AuthRecordEffects.afterDelete(s, r);
            }
            RecordFiles.afterDelete(r);
        });
    }

    /**
     * PocketBase's cascadeRecordDelete, in the delete's transaction and without API rules: every record whose relation
     * field points to {@code deleted} loses that id; emptied, it is deleted when the field cascades, fails the whole
     * delete when the field is required, and is otherwise saved without validation. Each cascaded delete and update
     * runs its model and record hooks as a direct one would.
     */
    private static void cascade(SqlSession s, Record deleted, RecordCommits commits) {
        SqlDialect d = s.dialect();
        List<Collection> all = new ArrayList<>(CollectionSaver.loadAll(s));
        all.sort(java.util.Comparator.comparing(Collection::name));
        for (Collection referencing : all) {
            if (referencing.isView()) {
                continue;
            }
            for (Field f : referencing.fields()) {
                if (!(f instanceof RelationField relation) || !relation.collectionId().equals(deleted.collection().id())) {
                    continue;
                }
                String table = d.quote(referencing.name());
                String column = table + "." + d.quote(relation.name());
                String where = relation.isMultiple()
                        ? "EXISTS (SELECT 1 FROM " + d.jsonEach(column) + " " + d.quote("__je__") + " WHERE " + d.quote("__je__") + "."
                                + d.quote("value") + " = ?)"
                        : column + " = ?";
                List<Object> params = new ArrayList<>(List.of(deleted.id()));
                if (referencing.id().equals(deleted.collection().id())) {
                    where += " AND " + table + "." + d.quote("id") + " != ?";
                    params.add(deleted.id());
                }
                for (Map<String, Object> row : s.query("SELECT * FROM " + table + " WHERE " + where, params)) {
                    Record ref = Record.fromRow(referencing, row);
                    List<String> ids = new ArrayList<>(relation.ids(ref.values().get(relation.name())));
                    ids.remove(deleted.id());
                    if (ids.isEmpty() && relation.cascadeDelete()) {
                        delete(s, ref, commits);
                        continue;
                    }
                    if (ids.isEmpty() && relation.required()) {
                        throw ApiException.badRequest(
                                "Failed to delete record. Make sure that the record is not part of a required relation reference.");
                    }
                    // PocketBase's SaveNoValidate: the whole update chain and its hooks, without validation (another
                    // relation may still point to a record deleted earlier in this cascade)
                    ref.setRaw(relation.name(), relation.coerce(ids));
                    save(s, ref, commits, false);
                }
            }
        }
    }
}
