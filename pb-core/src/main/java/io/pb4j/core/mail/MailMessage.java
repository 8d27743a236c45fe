package io.pb4j.core.mail;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An email, as PocketBase's {@code mailer.Message}: sender, recipients, subject, an HTML body and an optional
 * plain-text body (derived from the HTML when empty), extra headers and attachments. Immutable; use {@code with…} copies to
 * change it, e.g. in an {@link io.pb4j.core.PocketBase#onMailerSend()} handler.
 */
public record MailMessage(MailAddress from, List<MailAddress> to, List<MailAddress> cc, List<MailAddress> bcc,
                          String subject, String html, String text, Map<String, String> headers,
                          List<MailAttachment> attachments) {
    /** Creates the value from its components. */
    public MailMessage {
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        headers = Map.copyOf(headers);
        attachments = List.copyOf(attachments);
    }

    /** A message without attachments. */
    public MailMessage(MailAddress from, List<MailAddress> to, List<MailAddress> cc, List<MailAddress> bcc,
                       String subject, String html, String text, Map<String, String> headers) {
        this(from, to, cc, bcc, subject, html, text, headers, List.of());
    }

    /** An HTML message to one recipient. */
    public static MailMessage html(MailAddress from, MailAddress to, String subject, String html) {
        return new MailMessage(from, List.of(to), List.of(), List.of(), subject, html, "", Map.of());
    }

    /** This message to other recipients. */
    public MailMessage withTo(List<MailAddress> recipients) {
        return new MailMessage(from, recipients, cc, bcc, subject, html, text, headers, attachments);
    }

    /** This message with another subject. */
    public MailMessage withSubject(String newSubject) {
        return new MailMessage(from, to, cc, bcc, newSubject, html, text, headers, attachments);
    }

    /** This message with another HTML body. */
    public MailMessage withHtml(String newHtml) {
        return new MailMessage(from, to, cc, bcc, subject, newHtml, text, headers, attachments);
    }
}
