package io.pb4j.core.mail;

import io.pb4j.core.PocketBase;
import io.pb4j.core.hook.HookEvent;
import java.util.Objects;

/**
 * PocketBase's {@code OnMailerSend} event. Handlers may replace the {@link #message(MailMessage) message} or the
 * {@link #mailer(Mailer) mailer} before calling {@code next()}; the default action sends the message with the mailer.
 * A handler that does not call {@code next()} swallows the message (nothing is sent and the send succeeds).
 * Not thread-safe: one event per send.
 */
public final class MailerSendEvent extends HookEvent {
    private final PocketBase app;
    private Mailer mailer;
    private MailMessage message;

    /** The event of sending {@code message} with {@code mailer}. */
    public MailerSendEvent(PocketBase app, Mailer mailer, MailMessage message) {
        this.app = Objects.requireNonNull(app, "app");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.message = Objects.requireNonNull(message, "message");
    }

    /** The app. */
    public PocketBase app() {
        return app;
    }

    /** The mailer the default action sends with. */
    public Mailer mailer() {
        return mailer;
    }

    /** Sends with another mailer. */
    public void mailer(Mailer replacement) {
        this.mailer = Objects.requireNonNull(replacement, "mailer");
    }

    /** The message to send. */
    public MailMessage message() {
        return message;
    }

    /** Sends another message instead. */
    public void message(MailMessage replacement) {
        this.message = Objects.requireNonNull(replacement, "message");
    }
}
