package io.pb4j.core.migrate;

/**
 * A migration run that failed and was rolled back: {@code failed to apply migration <file>} (or revert); the cause
 * is what the migration threw.
 */
public final class MigrationException extends RuntimeException {
    /** The migration file that failed. */
    private final String file;

    MigrationException(String message, String file, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The migration that failed. */
    public String file() {
        return file;
    }
}
