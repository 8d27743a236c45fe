package io.pb4j.cli;

import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.router.Middleware;
import io.pb4j.core.router.RequestEvent;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code serve --automigrate}, PocketBase's automigrate: every collection created, updated or deleted through the
 * collections API (not imports, as in PocketBase) leaves a Java migration in the migrations dir that repeats the
 * change (and reverts it in {@code down}), recorded in {@code _migrations} as applied. A middleware around those
 * three routes: it reads the collection before the request and after a successful answer.
 */
final class Automigrate {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final System.Logger LOG = System.getLogger(Automigrate.class.getName());
    private static final String PREFIX = "/api/collections";

    private Automigrate() {
    }

    static void register(PocketBase app, Path dir) {
        app.onServe().bind("pbAutomigrate", 0, se -> {
            se.router().bind(new Middleware("pbAutomigrate", Middleware.PRIORITY_BODY_LIMIT + 1, e -> handle(app, dir, e)));
            se.next();
        });
    }

    private static void handle(PocketBase app, Path dir, RequestEvent e) {
        String path = e.path();
        boolean create = e.method().equals("POST") && path.equals(PREFIX);
        boolean change = (e.method().equals("PATCH") || e.method().equals("DELETE")) && path.startsWith(PREFIX + "/")
                && path.indexOf('/', PREFIX.length() + 1) < 0;
        if (!create && !change) {
            e.next();
            return;
        }
        Optional<Collection> before = create ? Optional.empty()
                : app.findCollection(URLDecoder.decode(path.substring(PREFIX.length() + 1), StandardCharsets.UTF_8));
        e.next();
        if (e.responseStatus() / 100 != 2 || (change && before.isEmpty())) {
            return;
        }
        Optional<Collection> after = create ? createdId(e).flatMap(app::findCollection) : app.findCollection(before.get().id());
        try {
            write(app, dir, before, after);
        } catch (RuntimeException failure) {
            // the change itself is committed; as in PocketBase, only its migration file is missing
            LOG.log(System.Logger.Level.ERROR, "automigrate failed: " + failure.getMessage(), failure);
        }
    }

    private static Optional<String> createdId(RequestEvent e) {
        try (var reader = JSON.createReader(new StringReader(new String(e.responseBody(), StandardCharsets.UTF_8)))) {
            return Optional.of(reader.readObject().getString("id"));
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static void write(PocketBase app, Path dir, Optional<Collection> before, Optional<Collection> after) {
        String action;
        MigrationTemplates.Body body;
        if (after.isEmpty() && before.isPresent()) {
            action = "deleted_" + normalize(before.get().name());
            body = MigrationTemplates.deleted(before.get());
        } else if (before.isEmpty() && after.isPresent()) {
            action = "created_" + normalize(after.get().name());
            body = MigrationTemplates.created(after.get());
        } else if (before.isPresent()) {
            JsonObject old = MigrationTemplates.exported(before.get());
            if (old.equals(MigrationTemplates.exported(after.get()))) {
                return; // nothing changed
            }
            action = "updated_" + normalize(before.get().name());
            body = MigrationTemplates.updated(before.get(), after.get());
        } else {
            return;
        }
        var source = MigrationTemplates.named(System.currentTimeMillis() / 1000, action, dir, body);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(source.fileName()), source.text());
        } catch (IOException ex) {
            throw new UncheckedIOException("failed to save automigrate file: " + ex.getMessage(), ex);
        }
        app.migrations().markApplied(source.file());
    }

    /** As PocketBase: a name ending in "test" gets a trailing "_" (it kept Go test files apart). */
    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith("test") ? name + "_" : name;
    }
}
