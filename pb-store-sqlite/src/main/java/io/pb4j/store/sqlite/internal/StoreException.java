package io.pb4j.store.sqlite.internal;

/** A database error from the SQLite store, with the SQL that failed. */
final class StoreException extends RuntimeException {
    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
