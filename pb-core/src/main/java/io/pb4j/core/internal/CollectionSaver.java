package io.pb4j.core.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.DateTimes;
import io.pb4j.core.ValidationException;
import io.pb4j.core.field.Field;
import io.pb4j.core.spi.SqlSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saves and deletes collections: normalises, validates ({@link CollectionValidator}), migrates the table
 * ({@link TableMigrator}) and writes the {@code _collections} row, then re-saves the views whose inferred fields changed
 * ({@link ViewDependents}), all in the caller's transaction.
 */
public final class CollectionSaver {
    private CollectionSaver() {
    }

    /** The stored collection with this id, read inside the transaction. */
    public static Optional<Collection> load(SqlSession s, String idOrName) {
        List<Map<String, Object>> rows = s.query(
                "SELECT * FROM _collections WHERE id = ? OR LOWER(name) = LOWER(?) ORDER BY id = ? DESC LIMIT 1",
                List.of(idOrName, idOrName, idOrName));
        return rows.isEmpty() ? Optional.empty() : Optional.of(CollectionCodec.fromRow(rows.get(0)));
    }

    public static List<Collection> loadAll(SqlSession s) {
        List<Collection> out = new ArrayList<>();
        for (Map<String, Object> row : s.query("SELECT * FROM _collections ORDER BY rowid", List.of())) {
            out.add(CollectionCodec.fromRow(row));
        }
        return out;
    }

    public static Collection save(SqlSession s, Collection input) {
        return save(s, input, false, CollectionWrites.NONE);
    }

    /** Validates and saves a collection through {@code writes} (the app's hooks). */
    public static Collection save(SqlSession s, Collection input, CollectionWrites writes) {
        return save(s, input, false, writes);
    }

    static Collection save(SqlSession s, Collection input, boolean trusted) {
        return save(s, input, trusted, CollectionWrites.NONE);
    }

    /**
     * Saves a collection; {@code trusted} (the system schema) may hold fields of types whose module is absent,
     * which user saves may only keep unchanged.
     */
    static Collection save(SqlSession s, Collection input, boolean trusted, CollectionWrites writes) {
        Optional<Collection> original = input.id().isEmpty() ? Optional.empty()
                : s.query("SELECT * FROM _collections WHERE id = ?", List.of(input.id())).stream()
                        .findFirst().map(CollectionCodec::fromRow);
        Collection c = CollectionNormalizer.normalize(s, input, original);
        return writes.save(c, original.isEmpty(), true, checked -> {
            Map<String, Object> errors = CollectionValidator.validate(s, checked, original, trusted);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }, written -> write(s, written, original));
    }

    /**
     * PocketBase's {@code SaveNoValidate}, for the collection import: normalises, migrates the table and writes the
     * row; the caller validates once every imported collection is saved.
     */
    static Collection saveNoValidate(SqlSession s, Collection input, CollectionWrites writes) {
        Optional<Collection> original = input.id().isEmpty() ? Optional.empty()
                : s.query("SELECT * FROM _collections WHERE id = ?", List.of(input.id())).stream()
                        .findFirst().map(CollectionCodec::fromRow);
        return writes.save(CollectionNormalizer.normalize(s, input, original), original.isEmpty(), false, c -> {
        }, written -> write(s, written, original));
    }

    private static Collection write(SqlSession s, Collection c, Optional<Collection> original) {
        String now = DateTimes.now();
        c = c.toBuilder().created(original.map(Collection::created).orElse(now)).updated(now).build();
        if (original.isEmpty()) {
            TableMigrator.create(s, c);
        } else {
            TableMigrator.migrate(s, original.get(), c);
        }
        writeRow(s, c, original.isEmpty());
        ViewDependents.resaveAfterSave(s, c);
        return c;
    }

    private static void writeRow(SqlSession s, Collection c, boolean isNew) {
        Map<String, Object> row = CollectionCodec.toRow(c);
        List<Object> values = new ArrayList<>(row.values());
        if (isNew) {
            String columns = String.join(", ", row.keySet().stream().map(k -> s.dialect().quote(k)).toList());
            String marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
            s.execute("INSERT INTO _collections (" + columns + ") VALUES (" + marks + ")", values);
        } else {
            String sets = String.join(", ", row.keySet().stream().map(k -> s.dialect().quote(k) + " = ?").toList());
            values.add(c.id());
            s.execute("UPDATE _collections SET " + sets + " WHERE id = ?", values);
        }
    }

    /**
     * Deletes a collection without PocketBase's integrity checks (references from other collections, dependent
     * views), as the collection import does for the collections it replaces.
     */
    static void deleteUnchecked(SqlSession s, Collection c, CollectionWrites writes) {
        writes.delete(c, deleted -> {
            TableMigrator.drop(s, deleted);
            deleteAuthReferences(s, deleted);
            s.execute("DELETE FROM _collections WHERE id = ?", List.of(deleted.id()));
        });
    }

    /** PocketBase deletes the MFAs, OTPs, external auths and auth origins of a deleted auth collection's records. */
    private static void deleteAuthReferences(SqlSession s, Collection c) {
        if (!c.isAuth()) {
            return;
        }
        for (String table : List.of("_mfas", "_otps", "_externalAuths", "_authOrigins")) {
            s.execute("DELETE FROM " + s.dialect().quote(table) + " WHERE collectionRef = ?", List.of(c.id()));
        }
    }

    public static void delete(SqlSession s, Collection c) {
        delete(s, c, CollectionWrites.NONE);
    }

    /** Deletes a collection (PocketBase's checks first) through {@code writes} (the app's hooks). */
    public static void delete(SqlSession s, Collection collection, CollectionWrites writes) {
        writes.delete(collection, c -> deleteChecked(s, c));
    }

    private static void deleteChecked(SqlSession s, Collection c) {
        if (c.system()) {
            throw ApiException.badRequest("Failed to delete collection due to: System collections cannot be deleted.");
        }
        List<String> referencing = new ArrayList<>();
        for (Collection other : loadAll(s)) {
            if (other.id().equals(c.id())) {
                continue;
            }
            for (Field f : other.fields()) {
                if ("relation".equals(f.type()) && c.id().equals(f.toJson().getString("collectionId", ""))) {
                    referencing.add(other.name());
                }
            }
        }
        if (!referencing.isEmpty()) {
            throw ApiException.badRequest("Failed to delete collection due to: Collection is referenced by "
                    + String.join(", ", referencing) + " probably due to existing reference in " + String.join(", ", referencing));
        }
        TableMigrator.drop(s, c);
        deleteAuthReferences(s, c);
        // views over the dropped table (or view) must not be left broken
        if (!ViewDependents.resave(s, c.id()).isEmpty()) {
            throw ApiException.badRequest("Failed to delete collection.");
        }
        s.execute("DELETE FROM _collections WHERE id = ?", List.of(c.id()));
    }

    public static void truncate(SqlSession s, Collection c) {
        truncate(s, c, RecordCommits.NONE);
    }

    /** Deletes every record one by one (cascading), telling {@code commits} of each delete. */
    public static void truncate(SqlSession s, Collection c, RecordCommits commits) {
        if (c.isView()) {
            throw ApiException.badRequest("View collections cannot be truncated since they don't store their own records.");
        }
        // one by one, as PocketBase does, so that relation references cascade (or fail the truncate)
        for (Map<String, Object> row : s.query("SELECT * FROM " + s.dialect().quote(c.name()), List.of())) {
            RecordSaver.delete(s, io.pb4j.core.Record.fromRow(c, row), commits);
        }
    }
}
