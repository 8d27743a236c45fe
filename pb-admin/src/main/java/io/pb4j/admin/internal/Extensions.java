package io.pb4j.admin.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.ServeEvent;
import io.pb4j.core.UIExtension;
import io.pb4j.core.router.Middlewares;
import io.pb4j.core.router.RequestEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * PocketBase's dashboard extensions (apis/extensions.go): each {@link UIExtension} of the serve event is served as
 * {@code /_/extensions/<name>/<path>}, and {@code /_/extensions.js} joins every extension's {@code main.js}, each
 * wrapped in an async function so top-level {@code await} and names of one never clash with another's. Bound last
 * among the serve handlers so every handler had its turn to add extensions; nothing is cached in memory, so edits of
 * an extension's files show without a restart.
 */
final class Extensions {
    /** PocketBase's cache for the dashboard's files outside dev mode: two weeks, then revalidated in the background. */
    private static final String CACHE = "max-age=1209600, stale-while-revalidate=86400";
    private static final byte[] OPEN = "await (async function(){".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLOSE = "})();".getBytes(StandardCharsets.UTF_8);

    private Extensions() {
    }

    static void bind(ServeEvent se) {
        boolean dev = se.app().config().dev();
        List<UIExtension> extensions = List.copyOf(se.uiExtensions());
        for (UIExtension ext : extensions) {
            if (ext.name().isEmpty() || ext.name().contains("/")) {
                continue; // as PocketBase: an extension without a usable name is left out
            }
            se.router().get("/_/extensions/" + ext.name() + "/{path...}", e -> file(e, ext, dev))
                    .bind(Middlewares.gzip()).bind(Middlewares.skipSuccessActivityLog());
        }
        se.router().get("/_/extensions.js", e -> {
            cache(e, dev);
            e.blob(200, "text/javascript", mainJs(extensions));
        }).bind(Middlewares.gzip()).bind(Middlewares.skipSuccessActivityLog());
    }

    static byte[] mainJs(List<UIExtension> extensions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (UIExtension ext : extensions) {
            read(ext, "main.js").ifPresent(js -> {
                out.writeBytes(OPEN);
                out.writeBytes(js);
                out.writeBytes(CLOSE);
            });
        }
        return out.toByteArray();
    }

    /**
     * The extension's folder without its trailing slash: PocketBase's router (Go's ServeMux) answers a subtree's root
     * with 301 to the path with the slash, the query kept, and Go's short HTML body naming the new location.
     */
    private static void toFolder(RequestEvent e, UIExtension ext) {
        String query = e.request().rawQuery();
        String location = "/_/extensions/" + escapePath(ext.name()) + "/" + (query.isEmpty() ? "" : "?" + query);
        e.setHeader("Location", location);
        String body = "<a href=\"" + location.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&#34;").replace("'", "&#39;") + "\">Moved Permanently</a>.\n\n";
        e.blob(301, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A path segment escaped as Go's url.URL does: unreserved characters and {@code $&+,:;=@} stay as they are. */
    static String escapePath(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~$&+,:;=@".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static void file(RequestEvent e, UIExtension ext, boolean dev) {
        String path = e.pathParam("path");
        if (path.isEmpty() && !e.path().endsWith("/")) {
            toFolder(e, ext); // the route's rest segment also matches the folder's own name
            return;
        }
        if (!safe(path)) {
            throw ApiException.notFound();
        }
        // a folder's URL serves its index.html, as Go's file server does
        String name = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
        byte[] bytes = read(ext, name).orElseThrow(ApiException::notFound);
        cache(e, dev);
        e.blob(200, contentType(name), bytes);
    }

    /** A relative path of plain segments: no "..", ".", empty segment, backslash or NUL (as Go's fs.ValidPath). */
    static boolean safe(String path) {
        if (path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return false;
        }
        String[] segments = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path).split("/", -1);
        for (String s : segments) {
            if (s.equals("..") || s.equals(".") || (s.isEmpty() && !path.isEmpty())) {
                return false;
            }
        }
        return true;
    }

    private static Optional<byte[]> read(UIExtension ext, String name) {
        try {
            return ext.files().read(name);
        } catch (IOException e) {
            throw new UncheckedIOException("[UI extension \"" + ext.name() + "\"] " + name + " read error", e);
        }
    }

    private static void cache(RequestEvent e, boolean dev) {
        if (!dev && e.responseHeaders().getOrDefault("Cache-Control", "").isEmpty()) {
            e.setHeader("Cache-Control", CACHE);
        }
    }

    private static String contentType(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".js") || lower.endsWith(".mjs")) {
            return "text/javascript; charset=utf-8";
        }
        if (lower.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (lower.endsWith(".svg")) {
            return "image/svg+xml";
        }
        String guessed = URLConnection.guessContentTypeFromName(name);
        if (guessed == null) {
            return "application/octet-stream";
        }
        return guessed.startsWith("text/") ? guessed + "; charset=utf-8" : guessed;
    }
}
