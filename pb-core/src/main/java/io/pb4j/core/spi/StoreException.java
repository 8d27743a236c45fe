package io.pb4j.core.spi;

/** A database error raised by a store; the message is the database's own. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
