package io.pb4j.js.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.mail.MailAddress;
import io.pb4j.core.mail.MailMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * PocketBase's {@code $mails}: a record's auth mails ({@code $mails.sendRecordPasswordReset($app, record)} …), sent
 * as the auth API sends them (their mailer hook, then {@code onMailerSend}); and the conversion of a script's
 * {@code new MailerMessage({...})} for {@code $app.newMailClient().send(message)}.
 */
public final class JsMails {
    public void sendRecordPasswordReset(PocketBase app, Record record) {
        app.recordMails().sendPasswordReset(app, record);
    }

    public void sendRecordVerification(PocketBase app, Record record) {
        app.recordMails().sendVerification(app, record);
    }

    public void sendRecordChangeEmail(PocketBase app, Record record, String newEmail) {
        app.recordMails().sendEmailChange(app, record, newEmail);
    }

    public void sendRecordOTP(PocketBase app, Record record, String otpId, String password) {
        app.recordMails().sendOtp(app, record, otpId, password);
    }

    public void sendRecordAuthAlert(PocketBase app, Record record, String info) {
        app.recordMails().sendAuthAlert(app, record, info);
    }

    /**
     * Go's {@code mailer.Message} written by a script: {@code from} and the {@code to}/{@code cc}/{@code bcc} lists
     * hold {@code {address, name}} objects (or plain address strings), then {@code subject}, {@code html},
     * {@code text} and {@code headers}.
     */
    static MailMessage message(Value v) {
        return new MailMessage(address(member(v, "from")), addresses(member(v, "to")), addresses(member(v, "cc")),
                addresses(member(v, "bcc")), string(member(v, "subject")), string(member(v, "html")),
                string(member(v, "text")), headers(member(v, "headers")), attachments(member(v, "attachments")));
    }

    /**
     * Go's {@code map[string]io.Reader} of attachments: by file name, a {@code $filesystem} file, bytes
     * ({@code $os.readFile}) or text.
     */
    private static List<io.pb4j.core.mail.MailAttachment> attachments(Value v) {
        List<io.pb4j.core.mail.MailAttachment> out = new ArrayList<>();
        if (v == null || v.isNull() || !v.hasMembers()) {
            return out;
        }
        for (String name : v.getMemberKeys()) {
            Value item = v.getMember(name);
            byte[] content;
            if (Convert.toJava(item) instanceof io.pb4j.core.field.UploadedFile f) {
                try (var in = f.open()) {
                    content = in.readAllBytes();
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            } else {
                content = Convert.bytes(item);
            }
            out.add(new io.pb4j.core.mail.MailAttachment(name, content));
        }
        return out;
    }

    private static Value member(Value v, String key) {
        return v.hasMember(key) ? v.getMember(key) : null;
    }

    private static String string(Value v) {
        return v == null || v.isNull() ? "" : v.isString() ? v.asString() : v.toString();
    }

    private static MailAddress address(Value v) {
        if (v == null || v.isNull()) {
            return new MailAddress("", "");
        }
        if (v.isString()) {
            return MailAddress.of(v.asString());
        }
        return new MailAddress(string(member(v, "name")), string(member(v, "address")));
    }

    private static List<MailAddress> addresses(Value v) {
        List<MailAddress> out = new ArrayList<>();
        if (v != null && v.hasArrayElements()) {
            for (long i = 0; i < v.getArraySize(); i++) {
                out.add(address(v.getArrayElement(i)));
            }
        }
        return out;
    }

    private static Map<String, String> headers(Value v) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v != null && v.hasMembers()) {
            for (String k : v.getMemberKeys()) {
                out.put(k, string(v.getMember(k)));
            }
        }
        return out;
    }
}
