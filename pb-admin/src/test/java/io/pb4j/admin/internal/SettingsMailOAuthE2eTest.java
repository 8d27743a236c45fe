package io.pb4j.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's last dashboard items in Debian's Chromium ({@code e2e/settings-mail-oauth.e2e.mjs}): the SMTP settings
 * and the test email of each auth mail template, from the mail settings and from a collection, delivered to a real
 * SMTP server (GreenMail) and read back over POP3; the OAuth2 providers' logos and per-provider settings with Apple's
 * client-secret generator; the records filter's suggestions; the settings keys no screen edited before; labels, Tab
 * order and visible focus on those screens.
 */
class SettingsMailOAuthE2eTest {
    @Test
    void testEmailsOAuth2ProvidersFilterSuggestionsAndTheLastSettingsWorkInChromium() throws Exception {
        var chromium = E2eRun.chromium();
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(3110, "127.0.0.1", ServerSetup.PROTOCOL_POP3).dynamicPort()});
        mail.start();
        // the mails go to the SMTP server, not to DashboardServer's file
        try (DashboardServer server = new DashboardServer(true, app -> app.onMailerSend().unbind("testMailFile"))) {
            E2eRun.nodeTests("settings-mail-oauth.e2e.mjs", Map.of(
                    "PB_URL", server.base,
                    "PB_EMAIL", "admin@example.com",
                    "PB_PASSWORD", "1234567890",
                    "PB_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()),
                    "PB_MAIL_POP3", "127.0.0.1:" + mail.getPop3().getPort(),
                    "SCREENSHOTS", E2eRun.screenshots().resolve("settings-mail-oauth").toString(),
                    "CHROMIUM", chromium.toString(),
                    "NO_COLOR", "1"), Duration.ofMinutes(6));
            // one test email from the settings screen, one per template from the collection's
            assertThat(mail.waitForIncomingEmail(10_000, 6)).isTrue();
            assertThat(server.mailFile()).doesNotExist();
        } finally {
            mail.stop();
        }
        try (var shots = Files.list(E2eRun.screenshots().resolve("settings-mail-oauth"))) {
            assertThat(shots.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(9);
        }
    }
}
