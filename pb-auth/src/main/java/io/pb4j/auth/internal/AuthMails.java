package io.pb4j.auth.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.mail.MailAddress;
import io.pb4j.core.mail.MailMessage;
import jakarta.json.JsonObject;
import java.util.Map;

/**
 * PocketBase's record mails ({@code mails/record.go}): each renders its collection template and sends it through
 * {@link PocketBase#newMailClient()}, so {@code onMailerSend} sees it. Every method throws
 * {@link io.pb4j.core.mail.MailException} when the message could not be sent.
 */
final class AuthMails {
    private AuthMails() {
    }

    static void verification(PocketBase app, Record record) {
        String token = AuthTokens.newRecordToken(record, TokenType.VERIFICATION, Map.of("email", record.email()));
        send(app, record.email(), MailTemplates.render(app, record, "verificationTemplate", Map.of(MailTemplates.TOKEN, token)));
    }

    static void passwordReset(PocketBase app, Record record) {
        String token = AuthTokens.newRecordToken(record, TokenType.PASSWORD_RESET, Map.of("email", record.email()));
        send(app, record.email(), MailTemplates.render(app, record, "resetPasswordTemplate", Map.of(MailTemplates.TOKEN, token)));
    }

    /** Sent to the new address, which the token carries as {@code newEmail}. */
    static void emailChange(PocketBase app, Record record, String newEmail) {
        String token = AuthTokens.newRecordToken(record, TokenType.EMAIL_CHANGE,
                Map.of("email", record.email(), "newEmail", newEmail));
        send(app, newEmail, MailTemplates.render(app, record, "confirmEmailChangeTemplate", Map.of(MailTemplates.TOKEN, token)));
    }

    static void otp(PocketBase app, Record record, String otpId, String password) {
        send(app, record.email(), MailTemplates.render(app, record, "otp",
                Map.of(MailTemplates.OTP_ID, otpId, MailTemplates.OTP, password)));
    }

    /** {@code info} is {@code "<date> - <ip> <user agent>"}; it is HTML-escaped here. */
    static void authAlert(PocketBase app, Record record, String info) {
        send(app, record.email(), MailTemplates.render(app, record, "authAlert",
                Map.of(MailTemplates.ALERT_INFO, MailTemplates.escapeHtml(info))));
    }

    private static void send(PocketBase app, String to, MailTemplates.Rendered mail) {
        JsonObject meta = app.settings().getJsonObject("meta");
        MailAddress from = new MailAddress(meta.getString("senderName", ""), meta.getString("senderAddress", ""));
        app.newMailClient().send(MailMessage.html(from, MailAddress.of(to), mail.subject(), mail.html()));
    }
}
