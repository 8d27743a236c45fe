package io.pb4j.http;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1 with a random port, plus POP3 for the node SDK suite. Every delivered
 * message is kept; {@link #await} waits for the next one to an address.
 */
final class TestMailServer implements AutoCloseable {
    /** A delivered message as the tests read it. */
    record Mail(String from, List<String> to, String subject, String html, String text, String messageId) {
        String find(String regex) {
            Matcher m = Pattern.compile(regex).matcher(html);
            if (!m.find()) {
                throw new AssertionError("no match for " + regex + " in\n" + html);
            }
            return m.group(1);
        }
    }

    final GreenMail greenMail;
    /** How many messages to each address the tests have taken with {@link #await}. */
    private final Map<String, Integer> taken = new HashMap<>();

    TestMailServer() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(3110, "127.0.0.1", ServerSetup.PROTOCOL_POP3).dynamicPort()});
        greenMail.start();
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    int pop3Port() {
        return greenMail.getPop3().getPort();
    }

    /** Points the server's {@code smtp} settings at this mail server. */
    void configure(TestServer server) {
        JsonObject settings = server.app.settings();
        server.app.saveSettings(Json.createObjectBuilder(settings)
                .add("smtp", Json.createObjectBuilder(settings.getJsonObject("smtp"))
                        .add("enabled", true).add("host", "127.0.0.1").add("port", smtpPort()).add("tls", false))
                .build());
    }

    /** The next message to {@code to} not taken before, waiting up to 10 s. */
    synchronized Mail await(String to) {
        int index = taken.getOrDefault(to, 0);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<Mail> mails = mailsTo(to);
            if (mails.size() > index) {
                taken.put(to, index + 1);
                return mails.get(index);
            }
            sleep(50);
        }
        throw new AssertionError("no mail to " + to + " within 10 s");
    }

    /** Asserts that no message to {@code to} besides those already taken arrives within {@code wait}. */
    synchronized void assertNoMail(String to, Duration wait) {
        sleep(wait.toMillis());
        List<Mail> mails = mailsTo(to);
        int index = taken.getOrDefault(to, 0);
        if (mails.size() > index) {
            throw new AssertionError("unexpected mail to " + to + ": " + mails.get(index).subject());
        }
    }

    private List<Mail> mailsTo(String to) {
        List<Mail> out = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            Mail mail = read(m);
            if (mail.to().contains(to)) {
                out.add(mail);
            }
        }
        return out;
    }

    private static Mail read(MimeMessage m) {
        try {
            List<String> to = new ArrayList<>();
            for (var a : m.getRecipients(Message.RecipientType.TO)) {
                to.add(((InternetAddress) a).getAddress());
            }
            String html = "";
            String text = "";
            if (m.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    } else if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    }
                }
            }
            return new Mail(Arrays.toString(m.getFrom()), to, m.getSubject(), html, text, m.getMessageID());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
