package io.pb4j.http.internal.backups;

import io.pb4j.core.ApiException;
import io.pb4j.core.Backups;
import io.pb4j.core.ValidationError;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.http.internal.records.RequestBody;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code POST /api/backups}: PocketBase's {@code backupCreate} and its form ({@code name}: 1–150 chars, {@code ^[a-z0-9_-]+\.zip$}, unused). */
final class BackupCreate {
    static final Pattern NAME = Pattern.compile("^[a-z0-9_-]+\\.zip$");

    private BackupCreate() {
    }

    static void create(RequestEvent e) {
        Backups backups = e.app().backups();
        if (backups.active().isPresent()) {
            throw ApiException.badRequest("Try again later - another backup/restore process has already been started");
        }
        String name = name(e);
        Optional<ValidationError> invalid = validate(backups, name);
        if (invalid.isPresent()) {
            throw ApiException.badRequest("An error occurred while validating the submitted data.", Map.of("name", invalid.get()));
        }
        try {
            backups.create(name);
        } catch (ApiException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            throw ApiException.badRequest("Failed to create backup.");
        }
        e.noContent();
    }

    private static String name(RequestEvent e) {
        Map<String, Object> body;
        try {
            body = RequestBody.read(e);
        } catch (ApiException ex) {
            throw ApiException.badRequest("An error occurred while loading the submitted data.");
        }
        Object value = body.get("name");
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof String s) {
            return s;
        }
        throw ApiException.badRequest("An error occurred while loading the submitted data.");
    }

    /** ozzo's order: length, then format, then the unique name; an empty name is valid (one is generated). */
    private static Optional<ValidationError> validate(Backups backups, String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.codePointCount(0, name.length()) > 150) {
            return Optional.of(new ValidationError("validation_length_out_of_range", "The length must be between 1 and 150.",
                    Map.of("min", 1, "max", 150)));
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of(new ValidationError("validation_match_invalid", "Must be in a valid format"));
        }
        if (backups.storage().exists(name)) {
            return Optional.of(new ValidationError("validation_backup_name_exists", "The backup file name is invalid or already exists."));
        }
        return Optional.empty();
    }
}
