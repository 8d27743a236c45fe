package io.pb4j.admin.internal;

import io.pb4j.core.PocketBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real pb4j server (every module on the test module path: HTTP, auth, files, this dashboard) on 127.0.0.1:0 over a
 * fresh data dir, with what it printed while starting (the installer link).
 */
final class DashboardServer implements AutoCloseable {
    final PocketBase app;
    final Path dir;
    final String base;
    final String startOutput;

    DashboardServer(boolean withSuperuser) {
        this(withSuperuser, app -> { });
    }

    /** A server whose app {@code setup} may bind hooks before it serves (e.g. UI extensions on the serve event). */
    DashboardServer(boolean withSuperuser, java.util.function.Consumer<PocketBase> setup) {
        try {
            dir = Files.createTempDirectory("pb4j-admin-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app = PocketBase.create(cfg -> cfg.dataDir(dir));
        app.bootstrap();
        // the mails (one-time passwords) go to a file the browser tests read, not to an SMTP server
        app.onMailerSend().bind("testMailFile", 0, e -> {
            try {
                Files.writeString(mailFile(), e.message().html() + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        if (withSuperuser) {
            app.superusers().upsert("admin@example.com", "1234567890");
        }
        setup.accept(app);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int port;
        synchronized (System.class) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                port = app.serve("127.0.0.1", 0);
                Installer.lastAnnouncement.join(java.time.Duration.ofSeconds(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                System.setOut(original);
            }
        }
        base = "http://127.0.0.1:" + port;
        startOutput = captured.toString(StandardCharsets.UTF_8);
    }

    /** Every mail the app sent, their HTML one after the other. */
    Path mailFile() {
        return dir.resolve("mails.html");
    }

    /** The installer link printed at start, or empty. */
    String installerLink() {
        Matcher m = Pattern.compile("(http://\\S+/_/#/pbinstall/\\S+)").matcher(startOutput);
        return m.find() ? m.group(1) : "";
    }

    @Override
    public void close() {
        app.close();
    }
}
