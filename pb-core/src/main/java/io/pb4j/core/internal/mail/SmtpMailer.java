package io.pb4j.core.internal.mail;

import io.pb4j.core.internal.CollectionDefaults;
import io.pb4j.core.mail.MailAddress;
import io.pb4j.core.mail.MailException;
import io.pb4j.core.mail.MailMessage;
import io.pb4j.core.mail.Mailer;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Sends mail over SMTP with Jakarta Mail, configured like PocketBase's {@code SMTPClient}: {@code tls} means implicit
 * TLS (usually port 465), otherwise STARTTLS is used when the server offers it (and required before credentials go
 * to a host other than localhost); credentials, when given, are sent with {@code authMethod} ({@code PLAIN}, the
 * default, or {@code LOGIN}). Thread-safe (one session per send).
 */
public final class SmtpMailer implements Mailer {
    private static final String TIMEOUT_MILLIS = "30000";

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String authMethod;
    private final boolean tls;
    private final String localName;

    private SmtpMailer(JsonObject smtp) {
        this.host = smtp.getString("host", "");
        this.port = smtp.containsKey("port") && smtp.get("port") instanceof jakarta.json.JsonNumber n ? n.intValue() : 587;
        this.username = smtp.getString("username", "");
        this.password = smtp.getString("password", "");
        this.authMethod = smtp.getString("authMethod", "");
        this.tls = smtp.getBoolean("tls", false);
        this.localName = smtp.getString("localName", "");
    }

    /** The SMTP mailer for the {@code smtp} settings object. */
    public static Mailer of(JsonObject smtp) {
        return new SmtpMailer(smtp);
    }

    @Override
    public void send(MailMessage message) {
        Session session = Session.getInstance(properties());
        try {
            MimeMessage mime = new PocketBaseMessage(session, messageId(message));
            mime.setFrom(internet(message.from()));
            mime.setRecipients(Message.RecipientType.TO, internet(message.to()));
            mime.setRecipients(Message.RecipientType.CC, internet(message.cc()));
            mime.setRecipients(Message.RecipientType.BCC, internet(message.bcc()));
            mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mime.setSentDate(new Date());
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(message.text().isEmpty() ? HtmlText.toText(message.html()) : message.text(), StandardCharsets.UTF_8.name());
            alternative.addBodyPart(plain);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(html);
            if (message.attachments().isEmpty()) {
                mime.setContent(alternative);
            } else {
                // the bodies, then each file: multipart/mixed as Go's mailer writes attachments
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart bodies = new MimeBodyPart();
                bodies.setContent(alternative);
                mixed.addBodyPart(bodies);
                for (var a : message.attachments()) {
                    MimeBodyPart file = new MimeBodyPart();
                    String type = java.net.URLConnection.guessContentTypeFromName(a.name());
                    file.setDataHandler(new jakarta.activation.DataHandler(
                            new jakarta.mail.util.ByteArrayDataSource(a.content(), type == null ? "application/octet-stream" : type)));
                    file.setFileName(a.name());
                    file.setDisposition(jakarta.mail.Part.ATTACHMENT);
                    mixed.addBodyPart(file);
                }
                mime.setContent(mixed);
            }
            for (var header : message.headers().entrySet()) {
                mime.setHeader(header.getKey(), header.getValue());
            }
            mime.saveChanges();
            if (username.isEmpty() && password.isEmpty()) {
                Transport.send(mime);
            } else {
                Transport.send(mime, username, password);
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailException("failed to send mail via " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** PocketBase's Message-ID, {@code <15 random chars@sender domain>}, unless the message brings its own. */
    private static String messageId(MailMessage message) {
        String from = message.from().address();
        int at = from.lastIndexOf('@');
        return at < 0 ? "" : "<" + CollectionDefaults.randomString(15) + from.substring(at) + ">";
    }

    /** A MIME message whose generated Message-ID is PocketBase's. */
    private static final class PocketBaseMessage extends MimeMessage {
        private final String messageId;

        PocketBaseMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId.isEmpty()) {
                super.updateMessageID();
            } else if (getHeader("Message-ID") == null) {
                setHeader("Message-ID", messageId);
            }
        }
    }

    private Properties properties() {
        String protocol = tls ? "smtps" : "smtp";
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", protocol);
        p.setProperty("mail." + protocol + ".host", host);
        p.setProperty("mail." + protocol + ".port", Integer.toString(port));
        p.setProperty("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        p.setProperty("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        p.setProperty("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
        if (!tls) {
            p.setProperty("mail.smtp.starttls.enable", "true");
        }
        if (!username.isEmpty() || !password.isEmpty()) {
            // like Go's smtp auth: credentials never travel unencrypted, except to the local machine
            if (!tls && !isLocalhost(host)) {
                p.setProperty("mail.smtp.starttls.required", "true");
            }
            p.setProperty("mail." + protocol + ".auth", "true");
            p.setProperty("mail." + protocol + ".auth.mechanisms", "LOGIN".equals(authMethod) ? "LOGIN" : "PLAIN");
        }
        if (!localName.isEmpty()) {
            p.setProperty("mail." + protocol + ".localhost", localName);
        }
        return p;
    }

    private static boolean isLocalhost(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1");
    }

    private static InternetAddress internet(MailAddress address) throws UnsupportedEncodingException {
        return address.name().isEmpty()
                ? new InternetAddress(address.address(), null, StandardCharsets.UTF_8.name())
                : new InternetAddress(address.address(), address.name(), StandardCharsets.UTF_8.name());
    }

    private static InternetAddress[] internet(List<MailAddress> addresses) throws UnsupportedEncodingException {
        InternetAddress[] out = new InternetAddress[addresses.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = internet(addresses.get(i));
        }
        return out;
    }
}
