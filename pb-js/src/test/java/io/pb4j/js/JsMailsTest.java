package io.pb4j.js;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code $mails.sendRecord…}, {@code new MailerMessage(...)} with {@code $app.newMailClient().send} and the JS mailer
 * hooks, delivered to a real SMTP server (GreenMail on 127.0.0.1); the reset token a script's mail carries is then
 * confirmed through the HTTP API.
 */
class JsMailsTest {
    static JsTestServer server;
    static GreenMail smtp;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        server = JsTestServer.start(Map.of("mails.pb.js", """
                let resetHooks = 0
                onMailerRecordPasswordResetSend((e) => {
                    resetHooks++
                    e.next()
                }, "users")
                routerAdd("POST", "/api/js/mails/{kind}", (e) => {
                    const user = $app.findAuthRecordByEmail("users", "u@example.com")
                    switch (e.request.pathValue("kind")) {
                        case "reset": $mails.sendRecordPasswordReset($app, user); break
                        case "verify": $mails.sendRecordVerification($app, user); break
                        case "change": $mails.sendRecordChangeEmail($app, user, "new@example.com"); break
                        case "otp": $mails.sendRecordOTP($app, user, "otpid123", "654321"); break
                        case "alert": $mails.sendRecordAuthAlert($app, user, "<b>Mars</b>"); break
                        case "custom": {
                            const message = new MailerMessage({
                                from: { address: "noreply@example.com", name: "Js App" },
                                to: [{ address: "x@example.com" }, { address: "y@example.com", name: "Y" }],
                                bcc: [{ address: "z@example.com" }],
                                subject: "Hi from JS",
                                html: "<p>hello <b>there</b></p>",
                            })
                            message.subject += "!"
                            $app.newMailClient().send(message)
                            break
                        }
                        case "attach": {
                            $os.writeFile($os.tempDir() + "/pb4j-js-attach.txt", "file from disk", 0o644)
                            const message = new MailerMessage({
                                from: { address: "noreply@example.com" },
                                to: [{ address: "att@example.com" }],
                                subject: "With files",
                                html: "<p>see attached</p>",
                                attachments: {
                                    "notes.txt": $filesystem.fileFromPath($os.tempDir() + "/pb4j-js-attach.txt"),
                                    "data.json": $filesystem.fileFromBytes('{"a":1}', "data.json"),
                                },
                            })
                            $app.newMailClient().send(message)
                            break
                        }
                    }
                    return e.json(200, { resetHooks })
                })
                """), false, 1);
        JsonObject settings = server.app.settings();
        server.app.saveSettings(Json.createObjectBuilder(settings)
                .add("smtp", Json.createObjectBuilder(settings.getJsonObject("smtp"))
                        .add("enabled", true).add("host", "127.0.0.1").add("port", smtp.getSmtp().getPort()).add("tls", false))
                .build());
        var created = server.send("POST", "/api/collections/users/records",
                "{\"email\":\"u@example.com\",\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
        smtp.stop();
    }

    @Test
    void passwordResetMailCarriesATokenTheApiAccepts() {
        var r = server.send("POST", "/api/js/mails/reset", "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"resetHooks\":1}");
        MimeMessage mail = await("u@example.com", "Reset your");
        String body = GreenMailUtil.getBody(mail).replace("=\r\n", "");
        Matcher m = Pattern.compile("confirm-password-reset/([A-Za-z0-9_\\-.]+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        var confirm = server.send("POST", "/api/collections/users/confirm-password-reset", "{\"token\":\"" + m.group(1)
                + "\",\"password\":\"new-pass-123\",\"passwordConfirm\":\"new-pass-123\"}");
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(204);
        var login = server.send("POST", "/api/collections/users/auth-with-password",
                "{\"identity\":\"u@example.com\",\"password\":\"new-pass-123\"}");
        assertThat(login.statusCode()).isEqualTo(200);
    }

    @Test
    void verificationChangeEmailOtpAndAlertMailsArrive() throws Exception {
        assertThat(server.send("POST", "/api/js/mails/verify", "{}").statusCode()).isEqualTo(200);
        assertThat(await("u@example.com", "Verify your").getSubject()).startsWith("Verify your");
        assertThat(server.send("POST", "/api/js/mails/change", "{}").statusCode()).isEqualTo(200);
        assertThat(await("new@example.com", "Confirm your").getSubject()).contains("new email address");
        assertThat(server.send("POST", "/api/js/mails/otp", "{}").statusCode()).isEqualTo(200);
        assertThat(GreenMailUtil.getBody(await("u@example.com", "OTP for"))).contains("654321");
        assertThat(server.send("POST", "/api/js/mails/alert", "{}").statusCode()).isEqualTo(200);
        assertThat(GreenMailUtil.getBody(await("u@example.com", "Login from"))).contains("&lt;b&gt;Mars&lt;/b&gt;");
    }

    @Test
    void aMailerMessageIsSentWithTheAppsMailClient() throws Exception {
        assertThat(server.send("POST", "/api/js/mails/custom", "{}").statusCode()).isEqualTo(200);
        MimeMessage x = await("x@example.com", "Hi from JS!");
        assertThat(x.getFrom()[0].toString()).isEqualTo("Js App <noreply@example.com>");
        assertThat(Arrays.stream(x.getAllRecipients()).map(Object::toString).toList()).contains("x@example.com", "Y <y@example.com>");
        assertThat(GreenMailUtil.getBody(x)).contains("hello <b>there</b>");
        // one delivery per envelope recipient: x, y and the bcc z
        long copies = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().equals("Hi from JS!");
            } catch (jakarta.mail.MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }).count();
        assertThat(copies).isEqualTo(3);
    }

    @Test
    void aMailerMessageCarriesFilesFromFilesystemAsAttachments() throws Exception {
        assertThat(server.send("POST", "/api/js/mails/attach", "{}").statusCode()).isEqualTo(200);
        MimeMessage m = await("att@example.com", "With files");
        var mixed = (jakarta.mail.internet.MimeMultipart) m.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        assertThat(mixed.getCount()).isEqualTo(3);
        assertThat(GreenMailUtil.getBody(mixed.getBodyPart(0))).contains("see attached");
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        for (int i = 1; i < 3; i++) {
            var part = mixed.getBodyPart(i);
            assertThat(part.getDisposition()).isEqualTo(jakarta.mail.Part.ATTACHMENT);
            files.put(part.getFileName(), new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(files).containsEntry("notes.txt", "file from disk").containsEntry("data.json", "{\"a\":1}");
    }

    /** The first message delivered to {@code to} whose subject starts with {@code subject}, waiting up to 10 s. */
    static MimeMessage await(String to, String subject) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage m : smtp.getReceivedMessagesForDomain(to)) {
                try {
                    List<String> rcpt = Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
                    if (m.getSubject().startsWith(subject) && rcpt.stream().anyMatch(a -> a.contains(to))) {
                        return m;
                    }
                } catch (jakarta.mail.MessagingException ex) {
                    throw new IllegalStateException(ex);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        throw new AssertionError("no mail to " + to + " with subject " + subject);
    }
}
