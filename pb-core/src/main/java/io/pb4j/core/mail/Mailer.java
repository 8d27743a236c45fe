package io.pb4j.core.mail;

/**
 * Sends mail, as PocketBase's {@code mailer.Mailer}. {@link io.pb4j.core.PocketBase#newMailClient()} returns one
 * configured from the current settings ({@code smtp}) whose sends go through
 * {@link io.pb4j.core.PocketBase#onMailerSend()}. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Mailer {
    /**
     * Sends {@code message} and returns once the server accepted it.
     *
     * @throws MailException when the message could not be sent (no SMTP configured, connection, auth or server error)
     */
    void send(MailMessage message);
}
