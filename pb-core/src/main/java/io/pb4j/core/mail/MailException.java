package io.pb4j.core.mail;

/** A message could not be sent; the message says why (never contains the SMTP password). */
public final class MailException extends RuntimeException {
    /** A failed send. */
    public MailException(String message) {
        super(message);
    }

    /** A failed send with its cause. */
    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
