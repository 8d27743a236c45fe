package io.pb4j.core.router;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.Record;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * PocketBase's built-in middlewares ({@code apis/middlewares*.go}) with their ids, priorities and messages. Bind them
 * on a route, a group or the router: {@code router.group("/api/shop").bind(Middlewares.requireAuth("users"))}. A
 * middleware with the same id as one bound further out replaces it for that route or group.
 */
public final class Middlewares {
    /** The id of {@link #requireGuestOnly}. */
    public static final String REQUIRE_GUEST_ONLY = "pbRequireGuestOnly";
    /** The id of {@link #requireAuth}. */
    public static final String REQUIRE_AUTH = "pbRequireAuth";
    /** The id of {@link #requireSuperuserAuth}. */
    public static final String REQUIRE_SUPERUSER_AUTH = "pbRequireSuperuserAuth";
    /** The id of {@link #requireSuperuserOrOwnerAuth}. */
    public static final String REQUIRE_SUPERUSER_OR_OWNER_AUTH = "pbRequireSuperuserOrOwnerAuth";
    /** The id of {@link #requireSameCollectionContextAuth}. */
    public static final String REQUIRE_SAME_COLLECTION_CONTEXT_AUTH = "pbRequireSameCollectionContextAuth";
    /** The id of {@link #bodyLimit}, to unbind or replace it. */
    public static final String BODY_LIMIT = "pbBodyLimit";
    /** The id of {@link #gzip}. */
    public static final String GZIP = "pbGzip";
    /** The id of {@link #skipSuccessActivityLog}. */
    public static final String SKIP_SUCCESS_ACTIVITY_LOG = "pbSkipSuccessActivityLog";

    private Middlewares() {
    }

    /** 400 for a request with an auth token. */
    public static Middleware requireGuestOnly() {
        return new Middleware(REQUIRE_GUEST_ONLY, 0, e -> {
            if (e.auth().isPresent()) {
                throw ApiException.badRequest("The request can be accessed only by guests.");
            }
            e.next();
        });
    }

    /**
     * 401 for guests; with collection names, 403 for an auth record of another collection. No names: any auth
     * record.
     */
    public static Middleware requireAuth(String... collectionNames) {
        List<String> names = List.of(collectionNames);
        return new Middleware(REQUIRE_AUTH, 0, e -> requireAuth(e, names));
    }

    /** {@link #requireAuth} for {@code _superusers}, under its own id. */
    public static Middleware requireSuperuserAuth() {
        return new Middleware(REQUIRE_SUPERUSER_AUTH, 0, e -> requireAuth(e, List.of("_superusers")));
    }

    /**
     * Superusers, or the auth record whose id is the path parameter {@code ownerIdParam} ({@code ""}: {@code id}).
     */
    public static Middleware requireSuperuserOrOwnerAuth(String ownerIdParam) {
        String param = ownerIdParam.isEmpty() ? "id" : ownerIdParam;
        return new Middleware(REQUIRE_SUPERUSER_OR_OWNER_AUTH, 0, e -> {
            Record auth = e.auth().orElseThrow(
                    () -> ApiException.unauthorized("The request requires superuser or record authorization token."));
            if (!e.isSuperuser() && !auth.id().equals(e.pathParam(param))) {
                throw ApiException.forbidden("You are not allowed to perform this request.");
            }
            e.next();
        });
    }

    /**
     * An auth record of the collection named (or id'd) by the path parameter {@code collectionParam} ({@code ""}:
     * {@code collection}); otherwise 403 naming the token's own collection, as PocketBase does.
     */
    public static Middleware requireSameCollectionContextAuth(String collectionParam) {
        String param = collectionParam.isEmpty() ? "collection" : collectionParam;
        return new Middleware(REQUIRE_SAME_COLLECTION_CONTEXT_AUTH, 0, e -> {
            Record auth = e.auth().orElseThrow(
                    () -> ApiException.unauthorized("The request requires valid record authorization token."));
            Optional<Collection> c = e.app().findCollection(e.pathParam(param));
            if (c.isEmpty() || !c.get().id().equals(auth.collection().id())) {
                throw ApiException.forbidden("The request requires auth record from " + auth.collection().name() + " collection.");
            }
            e.next();
        });
    }

    /**
     * Caps the request body at {@code maxBytes} (413 past it); {@code 0} or less: no cap. The router binds it with
     * PocketBase's 32 MiB; unbind {@value #BODY_LIMIT} on a route or group to lift it.
     */
    public static Middleware bodyLimit(long maxBytes) {
        return new Middleware(BODY_LIMIT, Middleware.PRIORITY_BODY_LIMIT, e -> {
            if (maxBytes > 0) {
                e.bodyLimit(maxBytes);
            }
            e.next();
        });
    }

    /**
     * Gzips a response for clients that accept it: a buffered body once the chain has returned, a streamed one as it
     * is written (flushed with each flush of the writer, so event streams keep flowing). A body that already has a
     * {@code Content-Encoding}, and an empty one, are left alone.
     */
    public static Middleware gzip() {
        return new Middleware(GZIP, 0, e -> {
            e.next();
            if (!e.header("Accept-Encoding").toLowerCase(java.util.Locale.ROOT).contains("gzip")
                    || e.responseHeaders().containsKey("Content-Encoding") || "HEAD".equals(e.method())) {
                return;
            }
            Optional<ResponseStream> stream = e.responseStream();
            if (stream.isPresent()) {
                ResponseStream inner = stream.get();
                e.replaceBody(e.responseBody(), out -> {
                    GZIPOutputStream gz = new GZIPOutputStream(out, true);
                    inner.writeTo(gz);
                    gz.finish();
                });
            } else if (e.responseBody().length > 0) {
                e.replaceBody(gzipped(e.responseBody()), null);
            } else {
                return;
            }
            e.setHeader("Content-Encoding", "gzip");
            e.setHeader("Vary", "Accept-Encoding");
            e.responseHeaders().remove("Content-Length");
        });
    }

    /** PocketBase's {@code SkipSuccessActivityLog()}: the request is logged only if it fails. */
    public static Middleware skipSuccessActivityLog() {
        return RequestLog.skipSuccess();
    }

    private static void requireAuth(RequestEvent e, List<String> names) {
        Record auth = e.auth().orElseThrow(
                () -> ApiException.unauthorized("The request requires valid record authorization token."));
        if (!names.isEmpty() && !names.contains(auth.collection().name())) {
            throw ApiException.forbidden("The authorized record is not allowed to perform this action.");
        }
        e.next();
    }

    private static byte[] gzipped(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }
}
