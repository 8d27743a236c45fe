package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.hook.Tagged;
import io.pb4j.core.mail.MailMessage;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PocketBase's {@code MailerRecordEvent}: {@code onMailerRecordVerificationSend}, {@code …PasswordResetSend},
 * {@code …EmailChangeSend}, {@code …OTPSend}, {@code …AuthAlertSend}, fired with the rendered message before it is
 * sent. A handler may replace the {@link #message(MailMessage) message} before {@code next()}, whose default action
 * sends it through the app's mailer ({@code onMailerSend}); one that does not call {@code next()} swallows it.
 * {@link #meta()} holds what the message was made from (e.g. {@code otpId}, {@code newEmail}). Tagged with the
 * record's collection id and name. Not thread-safe.
 */
public final class MailerRecordEvent extends HookEvent implements Tagged {
    private final PocketBase app;
    private final Record record;
    private final Map<String, Object> meta;
    private MailMessage message;

    /** Creates the event; the endpoint that fires the hook does this, apps receive it. */
    public MailerRecordEvent(PocketBase app, Record record, MailMessage message, Map<String, Object> meta) {
        this.app = Objects.requireNonNull(app, "app");
        this.record = Objects.requireNonNull(record, "record");
        this.message = Objects.requireNonNull(message, "message");
        this.meta = Map.copyOf(meta);
    }

    /** The app the event belongs to. */
    public PocketBase app() {
        return app;
    }

    /** The record the event is about. */
    public Record record() {
        return record;
    }

    /** The email the default action will send. */
    public MailMessage message() {
        return message;
    }

    /** Replaces the email the default action will send. */
    public void message(MailMessage replacement) {
        this.message = Objects.requireNonNull(replacement, "message");
    }

    /** Extra data for the email (e.g. the OTP id or the new email address). */
    public Map<String, Object> meta() {
        return meta;
    }

    @Override
    public List<String> tags() {
        return List.of(record.collection().id(), record.collection().name());
    }
}
