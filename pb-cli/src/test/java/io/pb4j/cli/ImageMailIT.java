package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image sends mail, also without java.desktop: the default image has none (angus-mail's descriptor is patched to
 * {@code requires static java.desktop}, see src/image/angus-mail), and a test email through the settings API must
 * still reach an SMTP server as PocketBase's multipart text and HTML message. The SMTP server here is a minimal one on
 * 127.0.0.1 that accepts one message and keeps its text.
 */
class ImageMailIT {
    private static final Path LAUNCHER = CliRunner.IMAGE.resolve("bin/pb4j");

    @TempDir
    Path tmp;

    @Test
    void aTestEmailLeavesTheImageOverSmtp() throws Exception {
        Path data = tmp.resolve("pb_data");
        CliRunner.Result upsert = CliRunner.run(tmp, "", List.of(LAUNCHER.toString(), "superuser", "upsert",
                "mail@example.com", "1234567890", "--dir=" + data));
        assertThat(upsert.exitCode()).as(upsert.err()).isZero();
        try (ServerSocket smtp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> acceptOne(smtp));
            int port = CliRunner.freePort();
            String base = "http://127.0.0.1:" + port;
            Process server = CliRunner.serve(tmp.resolve("run"), List.of(LAUNCHER.toString(), "serve",
                    "--http=127.0.0.1:" + port, "--dir=" + data), base);
            try {
                String token = CliRunner.superuserToken(base, "mail@example.com", "1234567890");
                CliRunner.Response settings = CliRunner.request("PATCH", base + "/api/settings", token,
                        "{\"smtp\":{\"enabled\":true,\"host\":\"127.0.0.1\",\"port\":" + smtp.getLocalPort() + "}}");
                assertThat(settings.status()).as(settings.body()).isEqualTo(200);
                CliRunner.Response sent = CliRunner.request("POST", base + "/api/settings/test/email", token,
                        "{\"email\":\"to@example.com\",\"template\":\"verification\"}");
                assertThat(sent.status()).as(sent.body()).isEqualTo(204);
                String message = received.get(60, TimeUnit.SECONDS);
                assertThat(message).contains("RCPT TO:<to@example.com>", "Content-Type: multipart/alternative",
                        "Content-Type: text/plain; charset=UTF-8", "Content-Type: text/html; charset=UTF-8");
            } finally {
                server.destroy();
                server.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    /** Speaks just enough SMTP for one message; returns the commands and the data as received. */
    private static String acceptOne(ServerSocket listener) {
        StringBuilder seen = new StringBuilder();
        try (Socket s = listener.accept();
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = s.getOutputStream()) {
            s.setSoTimeout(60_000);
            reply(out, "220 test");
            boolean data = false;
            for (String line; (line = in.readLine()) != null; ) {
                seen.append(line).append('\n');
                if (data) {
                    if (line.equals(".")) {
                        data = false;
                        reply(out, "250 ok");
                    }
                } else if (line.toUpperCase().startsWith("EHLO")) {
                    reply(out, "250-test\r\n250 8BITMIME");
                } else if (line.toUpperCase().startsWith("DATA")) {
                    data = true;
                    reply(out, "354 go on");
                } else if (line.toUpperCase().startsWith("QUIT")) {
                    reply(out, "221 bye");
                    break;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return seen.toString();
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
