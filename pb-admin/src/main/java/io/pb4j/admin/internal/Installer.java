package io.pb4j.admin.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * PocketBase's first run (apis/installer.go): while no superuser exists but the installer's own, a hidden superuser
 * {@value #EMAIL} holds a random password, and the serve prints a link to the dashboard's installer screen carrying a
 * 30-minute token of it; the screen creates the real superuser with that token. Creating any other superuser deletes
 * the installer's.
 */
final class Installer {
    static final String EMAIL = "__pbinstaller@example.com";
    private static final Duration TOKEN_DURATION = Duration.ofMinutes(30);
    private static final System.Logger LOG = System.getLogger(Installer.class.getName());
    /** The latest serve's announcing thread, which the tests join. */
    static volatile Thread lastAnnouncement;

    private Installer() {
    }

    static void register(PocketBase app) {
        app.onRecordAfterCreateSuccess("_superusers").bind("pbAdminInstallerCleanup", 0, e -> {
            if (!EMAIL.equalsIgnoreCase(e.record().getString("email"))) {
                e.app().findAuthRecordByEmail("_superusers", EMAIL).ifPresent(installer -> e.app().delete(installer));
            }
            e.next();
        });
    }

    /** Prints the installer link when no real superuser exists; a failure is logged, never stops the server. */
    static void announce(PocketBase app, String baseUrl, PrintStream out) {
        try {
            installerToken(app).ifPresent(token -> {
                out.println();
                out.println("(!) Launch the URL below in the browser to create your first superuser account:");
                out.println(baseUrl + "/_/#/pbinstall/" + token);
                out.println("(you can also create your first superuser by running: pb4j superuser upsert EMAIL PASS)");
                out.println();
                out.flush();
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Failed to initialize the installer", e);
        }
    }

    /** A fresh installer token, or empty when a real superuser exists. */
    static java.util.Optional<String> installerToken(PocketBase app) {
        long real = app.countRecords("_superusers", "email != {:email}", Map.of("email", EMAIL));
        if (real > 0) {
            return java.util.Optional.empty();
        }
        Record installer = app.findAuthRecordByEmail("_superusers", EMAIL)
                .orElseGet(() -> app.superusers().create(EMAIL, randomPassword()));
        return java.util.Optional.of(installer.newStaticAuthToken(TOKEN_DURATION));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
