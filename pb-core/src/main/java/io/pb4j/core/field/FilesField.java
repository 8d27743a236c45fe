package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import java.util.List;
import java.util.Optional;

/**
 * A field whose value names stored files and may carry {@link UploadedFile}s not stored yet (PocketBase's
 * {@code file} field). The record saver stores the uploads before the row is written, removes them again if the
 * transaction rolls back, and removes the files a save or delete dropped once it commits.
 */
public interface FilesField extends Field {
    /** The names of already stored files in a value, in order. */
    List<String> storedNames(Object value);

    /** The uploads in a value, in order. */
    List<UploadedFile> uploads(Object value);

    /** The value with every upload replaced by its stored name. */
    Object settled(Object value);

    /**
     * Validates a value against the field's value in the stored record ({@code original}, the default for a new
     * record): a stored name that the original does not hold is an invalid file. Empty when valid.
     */
    Optional<ValidationError> validateChange(Object value, Object original);
}
