package io.pb4j.http.internal.backups;

import io.pb4j.core.ApiException;
import io.pb4j.core.BackupFile;
import io.pb4j.core.Backups;
import io.pb4j.core.Record;
import io.pb4j.core.router.Middleware;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import io.pb4j.core.spi.BackupStorage;
import io.pb4j.http.internal.Guards;
import io.pb4j.http.internal.ratelimit.IpAddresses;
import io.pb4j.http.internal.ratelimit.RateLimits;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * PocketBase's backups API ({@code apis/backup.go}): list, create, upload, download (with a superuser file token),
 * delete and restore, and the gate that holds requests back while a restore swaps the data.
 */
public final class BackupsApi {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final System.Logger LOG = System.getLogger(BackupsApi.class.getName());

    private BackupsApi() {
    }

    public static void bind(Router router) {
        // outside every other middleware: loading the auth token reads the store, logging a request writes it
        router.bind(new Middleware("pbRestoreGate", Middleware.PRIORITY_ERROR_HANDLER - 1_000,
                e -> e.app().backups().admit(e::next)));
        router.get("/api/backups", BackupsApi::list).bind(Guards.requireSuperuser());
        router.post("/api/backups", BackupCreate::create).bind(Guards.requireSuperuser());
        router.post("/api/backups/upload", BackupUpload::upload).bind(Guards.requireSuperuser());
        router.get("/api/backups/{key}", BackupsApi::download);
        router.delete("/api/backups/{key}", BackupsApi::delete).bind(Guards.requireSuperuser());
        router.post("/api/backups/{key}/restore", BackupsApi::restore).bind(Guards.requireSuperuser());
    }

    private static void list(RequestEvent e) {
        List<BackupFile> files;
        try {
            files = e.app().backups().list();
        } catch (ApiException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            throw ApiException.badRequest("Failed to retrieve backup items. Raw error: \n" + ex.getMessage());
        }
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (BackupFile f : files) {
            out.add(JSON.createObjectBuilder().add("key", f.key()).add("modified", f.modified()).add("size", f.size()));
        }
        e.json(200, out.build());
    }

    private static void download(RequestEvent e) {
        String token = e.queryParam("token");
        Optional<Record> auth = token.isEmpty() ? Optional.empty() : e.app().findAuthRecordByToken(token, "file");
        if (auth.isEmpty() || !"_superusers".equals(auth.get().collection().name())) {
            throw ApiException.forbidden("Insufficient permissions to access the resource.");
        }
        if (e.app().settings().get("superuserIPs") instanceof JsonArray ips && !ips.isEmpty()) {
            List<String> allowed = ips.stream().filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).getString()).toList();
            if (!IpAddresses.inList(allowed, RateLimits.realIp(e))) {
                throw ApiException.forbidden("Insufficient permissions to access the resource.");
            }
        }
        String key = e.pathParam("key");
        BackupStorage storage = e.app().backups().storage();
        if (!storage.exists(key)) {
            throw ApiException.notFound();
        }
        InputStream in = storage.open(key);
        e.setHeader("Content-Disposition", "attachment; filename=" + key);
        e.setHeader("Content-Security-Policy", "default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; sandbox");
        e.setHeader("Cache-Control", "max-age=2592000, stale-while-revalidate=86400");
        e.stream(200, "application/zip", out -> {
            try (in) {
                in.transferTo(out);
            }
        });
    }

    private static void delete(RequestEvent e) {
        String key = e.pathParam("key");
        Backups backups = e.app().backups();
        if (!key.isEmpty() && backups.active().filter(key::equals).isPresent()) {
            throw ApiException.badRequest("The backup is currently being used and cannot be deleted.");
        }
        try {
            backups.storage().delete(key);
        } catch (ApiException ex) {
            throw ex;
        } catch (NoSuchElementException | IllegalArgumentException | java.io.UncheckedIOException ex) {
            throw ApiException.badRequest("Invalid or already deleted backup file. Raw error: \n" + ex.getMessage());
        }
        e.noContent();
    }

    private static void restore(RequestEvent e) {
        Backups backups = e.app().backups();
        if (backups.active().isPresent()) {
            throw ApiException.badRequest("Try again later - another backup/restore process has already been started.");
        }
        String key = e.pathParam("key");
        if (!backups.storage().exists(key)) {
            throw ApiException.badRequest("Missing or invalid backup file.");
        }
        // as PocketBase: answer first, restore in the background (the restore waits for this request to finish)
        Thread.ofVirtual().name("pb4j-restore").start(() -> {
            try {
                backups.restore(key);
            } catch (RuntimeException ex) {
                LOG.log(Level.ERROR, "Failed to restore backup " + key, ex);
            }
        });
        e.noContent();
    }
}
