package io.pb4j.auth.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.field.Field;
import io.pb4j.core.mail.MailException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Renders an auth collection's mail template ({@code {subject, body}}) as PocketBase's {@code resolveEmailTemplate}:
 * the given placeholders, then {@code {APP_NAME}} and {@code {APP_URL}} from {@code settings.meta}, then
 * {@code {RECORD:<field>}} for every non-hidden field (HTML-escaped except date, autodate, bool and number values);
 * the body is then placed into PocketBase's fixed HTML layout.
 */
final class MailTemplates {
    static final String APP_NAME = "{APP_NAME}";
    static final String APP_URL = "{APP_URL}";
    static final String TOKEN = "{TOKEN}";
    static final String OTP = "{OTP}";
    static final String OTP_ID = "{OTP_ID}";
    static final String ALERT_INFO = "{ALERT_INFO}";

    private static final Set<String> UNESCAPED_TYPES = Set.of("autodate", "date", "bool", "number");
    private static final String LAYOUT = layout();
    private static final String CONTENT_SLOT = "{{template \"content\" .}}";

    /** A rendered subject and HTML body. */
    record Rendered(String subject, String html) {
    }

    private MailTemplates() {
    }

    static Rendered render(PocketBase app, Record record, String templateKey, Map<String, String> placeholders) {
        JsonObject options = record.collection().options();
        JsonObject holder = "otp".equals(templateKey) || "authAlert".equals(templateKey) ? options.getJsonObject(templateKey) : options;
        String key = holder == options ? templateKey : "emailTemplate";
        if (holder == null || !(holder.get(key) instanceof JsonObject template)) {
            throw new MailException("the " + record.collection().name() + " collection has no " + templateKey + " mail template");
        }
        Map<String, String> all = new LinkedHashMap<>(placeholders);
        JsonObject meta = app.settings().getJsonObject("meta");
        all.putIfAbsent(APP_NAME, meta.getString("appName", ""));
        all.putIfAbsent(APP_URL, meta.getString("appURL", ""));
        for (Field f : record.collection().fields()) {
            if (f.hidden()) {
                continue;
            }
            String value = record.getString(f.name());
            all.putIfAbsent("{RECORD:" + f.name() + "}", UNESCAPED_TYPES.contains(f.type()) ? value : escapeHtml(value));
        }
        String subject = template.getString("subject", "");
        String body = template.getString("body", "");
        for (Map.Entry<String, String> p : all.entrySet()) {
            subject = subject.replace(p.getKey(), p.getValue());
            body = body.replace(p.getKey(), p.getValue());
        }
        return new Rendered(subject, LAYOUT.replace(CONTENT_SLOT, body));
    }

    /** Go's {@code html.EscapeString}. */
    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;");
    }

    private static String layout() {
        try (InputStream in = MailTemplates.class.getResourceAsStream("mail-layout.html")) {
            if (in == null) {
                throw new IllegalStateException("mail-layout.html is missing from pb-auth");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
