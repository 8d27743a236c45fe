package io.pb4j.core.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.FileStorage;
import io.pb4j.core.Record;
import io.pb4j.core.field.Field;
import io.pb4j.core.field.FilesField;
import io.pb4j.core.field.UploadedFile;
import io.pb4j.core.spi.SqlSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The file side of record writes, inside the write's transaction: uploads are stored before the row is written and
 * removed if the transaction rolls back; files a save drops, and a deleted record's folder, are removed after commit.
 */
final class RecordFiles {
    private RecordFiles() {
    }

    /** The record's folder: {@code <collectionId>/<recordId>}. */
    static String baseDir(Record r) {
        return r.collection().id() + "/" + r.id();
    }

    /**
     * The file values the record has in the database now (PocketBase's latest old value: a record object saved twice
     * compares with what its first save stored); empty for a new record or one without file fields.
     */
    static Map<String, Object> stored(SqlSession s, Record r) {
        if (r.isNew() || r.collection().fields().stream().noneMatch(f -> f instanceof FilesField)) {
            return Map.of();
        }
        Object id = r.original().getOrDefault("id", r.id());
        List<Map<String, Object>> rows = s.query("SELECT * FROM " + s.dialect().quote(r.collection().name()) + " WHERE "
                + s.dialect().quote("id") + " = ?", List.of(id));
        return rows.isEmpty() ? Map.of() : Record.fromRow(r.collection(), rows.getFirst()).values();
    }

    static void validate(Record r, Map<String, Object> stored, Map<String, Object> errors) {
        for (Field f : r.collection().fields()) {
            if (f instanceof FilesField files && !errors.containsKey(f.name())) {
                Object original = stored.getOrDefault(f.name(), f.defaultValue());
                files.validateChange(r.values().get(f.name()), original).ifPresent(e -> errors.put(f.name(), e));
            }
        }
    }

    static void beforeWrite(Record r, Map<String, Object> stored) {
        for (Field f : r.collection().fields()) {
            if (!(f instanceof FilesField files)) {
                continue;
            }
            Object value = r.values().get(f.name());
            List<UploadedFile> uploads = files.uploads(value);
            if (!uploads.isEmpty()) {
                FileStorage storage = storage();
                for (UploadedFile u : uploads) {
                    String key = baseDir(r) + "/" + u.name();
                    TransactionEffects.afterRollback(() -> storage.delete(key));
                    try (java.io.InputStream in = u.open()) {
                        storage.upload(key, in, u.size(), u.originalName());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                r.setRaw(f.name(), files.settled(value));
            }
            if (stored.containsKey(f.name())) {
                List<String> dropped = new ArrayList<>(files.storedNames(stored.get(f.name())));
                dropped.removeAll(files.storedNames(r.values().get(f.name())));
                if (!dropped.isEmpty()) {
                    String base = baseDir(r);
                    TransactionEffects.files().ifPresent(storage -> TransactionEffects.afterCommit(() -> {
                        for (String name : dropped) {
                            if (!name.isEmpty() && !name.contains("/") && !name.contains("\\")) {
                                storage.delete(base + "/" + name);
                                storage.deletePrefix(base + "/thumbs_" + name + "/");
                            }
                        }
                    }));
                }
            }
        }
    }

    static void afterDelete(Record r) {
        if (r.collection().fields().stream().anyMatch(f -> f instanceof FilesField)) {
            String dir = baseDir(r) + "/";
            TransactionEffects.files().ifPresent(storage -> TransactionEffects.afterCommit(() -> storage.deletePrefix(dir)));
        }
    }

    private static FileStorage storage() {
        return TransactionEffects.files().orElseThrow(() -> ApiException.badRequest(
                "File uploads need the io.pb4j.files module (pb-files), which is not installed."));
    }
}
