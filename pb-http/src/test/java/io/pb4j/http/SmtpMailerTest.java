package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.mail.MailAddress;
import io.pb4j.core.mail.MailException;
import io.pb4j.core.mail.MailMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code app.newMailClient()} against a real SMTP server that requires authentication. */
class SmtpMailerTest {
    private static TestMailServer mail;

    @BeforeAll
    static void start() {
        mail = new TestMailServer();
        mail.greenMail.setUser("smtp-user", "smtp-user", "smtp-secret");
        mail.greenMail.getUserManager().setAuthRequired(true);
    }

    @AfterAll
    static void stop() {
        mail.close();
    }

    private static void smtp(TestServer server, String username, String password, String authMethod) {
        JsonObject settings = server.app.settings();
        server.app.saveSettings(Json.createObjectBuilder(settings).add("smtp", Json.createObjectBuilder(settings.getJsonObject("smtp"))
                .add("enabled", true).add("host", "127.0.0.1").add("port", mail.smtpPort()).add("tls", false)
                .add("username", username).add("password", password).add("authMethod", authMethod)).build());
    }

    private static MailMessage message(String to) {
        return MailMessage.html(new MailAddress("Sender Name", "sender@example.com"), MailAddress.of(to), "Grüße", "<p>Hallo <b>Welt</b></p>");
    }

    @Test
    void withoutSmtpSendingFailsUnlessAHookDelivers() throws Exception {
        try (TestServer server = new TestServer()) {
            assertThatThrownBy(() -> server.app.newMailClient().send(message("nowhere@example.com")))
                    .isInstanceOf(MailException.class).hasMessageContaining("SMTP is disabled");
            java.util.List<MailMessage> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
            server.app.onMailerSend().bind(e -> delivered.add(e.message()));
            server.app.newMailClient().send(message("hooked@example.com"));
            assertThat(delivered).extracting(MailMessage::subject).containsExactly("Grüße");
        }
    }

    @Test
    void plainAndLoginAuthDeliver() throws Exception {
        try (TestServer server = new TestServer()) {
            for (String method : new String[] {"PLAIN", "LOGIN", ""}) {
                String to = "auth-" + (method.isEmpty() ? "default" : method.toLowerCase()) + "@example.com";
                smtp(server, "smtp-user", "smtp-secret", method);
                server.app.newMailClient().send(message(to));
                TestMailServer.Mail m = mail.await(to);
                assertThat(m.subject()).isEqualTo("Grüße");
                assertThat(m.from()).contains("Sender Name <sender@example.com>");
                assertThat(m.html()).isEqualTo("<p>Hallo <b>Welt</b></p>");
                assertThat(m.text()).isEqualTo("Hallo Welt");
            }
        }
    }

    @Test
    void wrongCredentialsFailTheSend() throws Exception {
        try (TestServer server = new TestServer()) {
            smtp(server, "smtp-user", "wrong", "PLAIN");
            assertThatThrownBy(() -> server.app.newMailClient().send(message("nope@example.com")))
                    .isInstanceOf(MailException.class).hasMessageNotContaining("wrong");
            mail.assertNoMail("nope@example.com", java.time.Duration.ZERO);
        }
    }
}
