package io.pb4j.js.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.Record;
import io.pb4j.core.router.Middleware;
import io.pb4j.core.router.Middlewares;
import io.pb4j.core.router.RequestEvent;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Value;

/**
 * PocketBase's {@code $apis}: the middlewares ({@code requireAuth} …), {@code static} and {@code recordAuthResponse};
 * and the pre-v0.23 names ({@code requireAdminAuth}, {@code requireRecordAuth}, {@code requestInfo(c)} …).
 */
public final class JsApis {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    public Middleware requireAuth(String... collections) {
        return Middlewares.requireAuth(collections);
    }

    public Middleware requireSuperuserAuth() {
        return Middlewares.requireSuperuserAuth();
    }

    public Middleware requireGuestOnly() {
        return Middlewares.requireGuestOnly();
    }

    public Middleware requireSuperuserOrOwnerAuth(String ownerIdParam) {
        return Middlewares.requireSuperuserOrOwnerAuth(ownerIdParam);
    }

    public Middleware requireSameCollectionContextAuth(String collectionParam) {
        return Middlewares.requireSameCollectionContextAuth(collectionParam);
    }

    public Middleware bodyLimit(long bytes) {
        return Middlewares.bodyLimit(bytes);
    }

    public Middleware gzip() {
        return Middlewares.gzip();
    }

    public Middleware skipSuccessActivityLog() {
        return Middlewares.skipSuccessActivityLog();
    }

    /**
     * A handler serving the files under {@code dir} by the route's {@code {path...}} parameter; with
     * {@code indexFallback} a missing file answers {@code index.html} (single-page apps).
     */
    public Middleware _static(String dir, boolean indexFallback) {
        Path root = Path.of(dir).toAbsolutePath().normalize();
        return new Middleware("", 0, e -> serve(e, root, indexFallback));
    }

    private static void serve(RequestEvent e, Path root, boolean indexFallback) {
        String rel = e.pathParam("path");
        Path file = root.resolve(rel == null ? "" : rel).normalize();
        if (!file.startsWith(root)) {
            throw ApiException.notFound();
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file)) {
            if (!indexFallback) {
                throw ApiException.notFound();
            }
            file = root.resolve("index.html");
            if (!Files.isRegularFile(file)) {
                throw ApiException.notFound();
            }
        }
        try {
            String type = Files.probeContentType(file);
            e.blob(200, type == null ? "application/octet-stream" : type, Files.readAllBytes(file));
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** PocketBase's auth response: {@code {token, record[, meta]}} for {@code record}, written to {@code e}. */
    public void recordAuthResponse(Value e, Record record, String authMethod, Value meta) {
        JsRequestEvent event = (JsRequestEvent) Convert.toJava(e);
        JsonObjectBuilder b = JSON.createObjectBuilder().add("token", record.newAuthToken())
                .add("record", record.publicExport(false, true));
        if (meta != null && !meta.isNull()) {
            b.add("meta", Convert.toJson(meta));
        }
        event.event().json(200, b.build());
    }

    // ----- pre-v0.23

    public Middleware requireAdminAuth() {
        return requireSuperuserAuth();
    }

    public Middleware requireRecordAuth(String... collections) {
        List<String> names = List.of(collections);
        return new Middleware(Middlewares.REQUIRE_AUTH, 0, e -> {
            Record auth = e.auth().filter(r -> !r.collection().isSuperusers()).orElseThrow(
                    () -> ApiException.unauthorized("The request requires valid record authorization token to be set."));
            if (!names.isEmpty() && !names.contains(auth.collection().name())) {
                throw ApiException.forbidden("The authorized record model is not allowed to perform this action.");
            }
            e.next();
        });
    }

    public Middleware requireAdminOrRecordAuth(String... collections) {
        List<String> names = List.of(collections);
        return new Middleware(Middlewares.REQUIRE_AUTH, 0, e -> {
            Record auth = e.auth().orElseThrow(
                    () -> ApiException.unauthorized("The request requires admin or record authorization token to be set."));
            if (!e.isSuperuser() && !names.isEmpty() && !names.contains(auth.collection().name())) {
                throw ApiException.forbidden("The authorized record model is not allowed to perform this action.");
            }
            e.next();
        });
    }

    public Middleware requireAdminOrOwnerAuth(String ownerIdParam) {
        return requireSuperuserOrOwnerAuth(ownerIdParam);
    }

    public Middleware activityLogger(Value app) {
        return new Middleware("pbJsActivityLogger", 0, RequestEvent::next);
    }

    public JsRequestEvent.JsRequestInfo requestInfo(Value c) {
        return ((JsRequestEvent) Convert.toJava(c)).requestInfo();
    }
}
