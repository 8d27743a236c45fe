package io.pb4j.auth.internal;

import io.pb4j.core.MailerRecordEvent;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.hook.Hook;
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
        send(app, app.hooks().mailerRecordVerificationSend(), record, record.email(),
                MailTemplates.render(app, record, "verificationTemplate", Map.of(MailTemplates.TOKEN, token)), Map.of());
    }

    static void passwordReset(PocketBase app, Record record) {
        String token = AuthTokens.newRecordToken(record, TokenType.PASSWORD_RESET, Map.of("email", record.email()));
        send(app, app.hooks().mailerRecordPasswordResetSend(), record, record.email(),
                MailTemplates.render(app, record, "resetPasswordTemplate", Map.of(MailTemplates.TOKEN, token)), Map.of());
    }

    /** Sent to the new address, which the token carries as {@code newEmail}. */
    static void emailChange(PocketBase app, Record record, String newEmail) {
        String token = AuthTokens.newRecordToken(record, TokenType.EMAIL_CHANGE,
                Map.of("email", record.email(), "newEmail", newEmail));
        send(app, app.hooks().mailerRecordEmailChangeSend(), record, newEmail,
                MailTemplates.render(app, record, "confirmEmailChangeTemplate", Map.of(MailTemplates.TOKEN, token)),
                Map.of("newEmail", newEmail));
    }

    static void otp(PocketBase app, Record record, String otpId, String password) {
        send(app, app.hooks().mailerRecordOTPSend(), record, record.email(), MailTemplates.render(app, record, "otp",
                Map.of(MailTemplates.OTP_ID, otpId, MailTemplates.OTP, password)), Map.of("otpId", otpId, "password", password));
    }

    /** {@code info} is {@code "<date> - <ip> <user agent>"}; it is HTML-escaped here. */
    static void authAlert(PocketBase app, Record record, String info) {
        send(app, app.hooks().mailerRecordAuthAlertSend(), record, record.email(), MailTemplates.render(app, record, "authAlert",
                Map.of(MailTemplates.ALERT_INFO, MailTemplates.escapeHtml(info))), Map.of("info", info));
    }

    /** Fires the mail's own hook ({@code onMailerRecordOTPSend} …), whose default action sends the message. */
    private static void send(PocketBase app, Hook<MailerRecordEvent> hook, Record record, String to, MailTemplates.Rendered mail,
                             Map<String, Object> data) {
        JsonObject meta = app.settings().getJsonObject("meta");
        MailAddress from = new MailAddress(meta.getString("senderName", ""), meta.getString("senderAddress", ""));
        MailMessage message = MailMessage.html(from, MailAddress.of(to), mail.subject(), mail.html());
        hook.trigger(new MailerRecordEvent(app, record, message, data), e -> app.newMailClient().send(e.message()));
    }
}
