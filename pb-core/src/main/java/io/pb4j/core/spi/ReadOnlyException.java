package io.pb4j.core.spi;

/** A statement that would have written ran where only reads are allowed; nothing was changed. */
public final class ReadOnlyException extends StoreException {
    /** A refused write with the database's message. */
    public ReadOnlyException(String message, Throwable cause) {
        super(message, cause);
    }
}
