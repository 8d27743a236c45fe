package io.pb4j.core.internal;

/** A view query that cannot back a view collection; the message is PocketBase's raw error text. */
public final class ViewQueryException extends RuntimeException {
    public ViewQueryException(String message) {
        super(message);
    }
}
