/**
 * Sending mail: {@link io.pb4j.core.mail.MailMessage}, {@link io.pb4j.core.mail.Mailer} (from
 * {@code app.newMailClient()}) and the {@link io.pb4j.core.mail.MailerSendEvent} every send goes through.
 */
package io.pb4j.core.mail;
