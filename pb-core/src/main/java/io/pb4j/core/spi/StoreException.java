package io.pb4j.core.spi;

/** A database error raised by a store; the message is the database's own. */
public class StoreException extends RuntimeException {
    /** A failure with the database's message. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
