package io.pb4j.http.internal.backups;

import io.pb4j.core.ApiException;
import io.pb4j.core.ValidationError;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.spi.BackupStorage;
import io.pb4j.http.internal.forms.MultipartForm;
import io.pb4j.http.internal.forms.UploadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/backups/upload}: PocketBase's {@code backupUpload}. The multipart {@code file} must be a zip (by its
 * content) and is stored under its own file name, which must not exist yet. No body limit, as PocketBase's
 * {@code BodyLimit(0)}.
 */
final class BackupUpload {
    private BackupUpload() {
    }

    static void upload(RequestEvent e) {
        e.bodyLimit(Integer.MAX_VALUE - 16L); // the most one body can hold
        BackupStorage storage = e.app().backups().storage();
        Optional<UploadedFile> file = file(e);
        Optional<ValidationError> invalid = validate(storage, file);
        if (invalid.isPresent()) {
            throw ApiException.badRequest("An error occurred while validating the submitted data.", Map.of("file", invalid.get()));
        }
        try {
            Path temp = Files.createTempFile("pb4j-upload", ".zip");
            try {
                Files.write(temp, file.get().content());
                storage.store(file.get().filename(), temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException ex) {
            throw ApiException.badRequest("Failed to upload backup.");
        }
        e.noContent();
    }

    /** The first {@code file} part; none when the body is not a readable multipart form (as PocketBase ignores that error). */
    private static Optional<UploadedFile> file(RequestEvent e) {
        String type = e.header("Content-Type");
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            e.body(); // drained, so the connection stays usable
            return Optional.empty();
        }
        try {
            List<UploadedFile> files = MultipartForm.parse(type, e.body(), "").files().getOrDefault("file", List.of());
            return files.stream().findFirst();
        } catch (ApiException ex) {
            return Optional.empty();
        }
    }

    private static Optional<ValidationError> validate(BackupStorage storage, Optional<UploadedFile> file) {
        if (file.isEmpty()) {
            return Optional.of(ValidationError.required());
        }
        String name = file.get().filename();
        if (!isZip(file.get().content())) {
            return Optional.of(new ValidationError("validation_invalid_mime_type",
                    "\"" + name + "\" mime type must be one of: application/zip."));
        }
        // pb4j's own rule: the name is used as the key, so it must be one plain file name
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")) {
            return Optional.of(new ValidationError("validation_invalid_file_name", "Invalid backup file name."));
        }
        if (storage.exists(name)) {
            return Optional.of(new ValidationError("validation_backup_name_exists", "Backup file with the specified name already exists."));
        }
        return Optional.empty();
    }

    /** The zip signatures (local file header, empty archive, spanned archive), as content sniffing detects a zip. */
    private static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K'
                && ((content[2] == 3 && content[3] == 4) || (content[2] == 5 && content[3] == 6) || (content[2] == 7 && content[3] == 8));
    }
}
