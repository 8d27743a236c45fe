package io.pb4j.http;

import io.pb4j.core.mail.MailMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What the settings scenarios check beside the response: the mails PocketBase's TestMailer would have caught
 * ({@link Setup#CAPTURE_MAILS}) and the stored secrets ({@link After#SETTINGS_SECRETS_STORED}).
 */
final class SettingsChecks {
    private static final Map<TestServer, List<MailMessage>> MAILS = Collections.synchronizedMap(new WeakHashMap<>());

    private SettingsChecks() {
    }

    /** Every mail is kept here and dropped (the handler stops the chain), as PocketBase's TestMailer. */
    static void captureMails(TestServer server) {
        List<MailMessage> mails = Collections.synchronizedList(new ArrayList<>());
        MAILS.put(server, mails);
        server.nodes().forEach(node -> node.onMailerSend().bind(e -> mails.add(e.message())));
    }

    /** The AfterTestFunc of the test-email scenarios: one mail, to test@example.com only, its HTML containing {@code text}. */
    static List<String> oneTestMail(TestServer server, String text) {
        List<MailMessage> mails = MAILS.getOrDefault(server, List.of());
        if (mails.size() != 1) {
            return List.of("after: expected 1 sent email, got " + mails.size());
        }
        MailMessage m = mails.get(0);
        List<String> out = new ArrayList<>();
        if (m.to().size() != 1 || !m.to().get(0).address().equals("test@example.com")) {
            out.add("after: expected the email to be sent to test@example.com, got " + m.to());
        }
        if (!m.html().contains(text)) {
            out.add("after: expected the html to contain " + text);
        }
        return out;
    }

    /** The AfterTestFunc of "submitting valid data": the three secrets are stored. */
    static List<String> secretsStored(TestServer server) {
        var s = server.app.settings();
        List<String> out = new ArrayList<>();
        check(out, "smtp.password", s.getJsonObject("smtp").getString("password"), "new_smtp_password");
        check(out, "s3.secret", s.getJsonObject("s3").getString("secret"), "new_s3_secret");
        check(out, "backups.s3.secret", s.getJsonObject("backups").getJsonObject("s3").getString("secret"), "new_backups_s3_secret");
        return out;
    }

    private static void check(List<String> out, String name, String actual, String expected) {
        if (!actual.equals(expected)) {
            out.add("after: [" + name + "] expected secret " + expected + ", got " + actual);
        }
    }
}
