package io.pb4j.core;

import java.util.Objects;

/**
 * A stored backup as PocketBase's backups API lists it.
 *
 * @param key      the file name
 * @param size     its size in bytes
 * @param modified the last modification time in PocketBase's date format ({@code 2006-01-02 15:04:05.000Z})
 */
public record BackupFile(String key, long size, String modified) {
    /** Creates the value from its components. */
    public BackupFile {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(modified, "modified");
    }
}
