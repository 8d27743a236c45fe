package io.pb4j.admin.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code /_/}: the index page (never cached: it names the current hashed files) and {@code /_/assets/…} (cached
 * for a year as immutable, gzip-compressed for clients that accept it).
 */
final class DashboardRoutes {
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private DashboardRoutes() {
    }

    static void bind(Router router, Assets assets) {
        byte[] index = assets.index().getBytes(StandardCharsets.UTF_8);
        router.get("/_", e -> e.redirect(301, "/_/"));
        router.get("/_/", e -> {
            e.setHeader("Cache-Control", "no-cache");
            e.blob(200, "text/html; charset=utf-8", index);
        });
        router.get("/_/assets/{file}", e -> serve(e, assets));
    }

    private static void serve(RequestEvent e, Assets assets) {
        Assets.Asset asset = assets.find(e.pathParam("file")).orElseThrow(ApiException::notFound);
        e.setHeader("Cache-Control", IMMUTABLE);
        e.setHeader("Vary", "Accept-Encoding");
        if (e.header("Accept-Encoding").toLowerCase(Locale.ROOT).contains("gzip")) {
            e.setHeader("Content-Encoding", "gzip");
            e.blob(200, asset.contentType(), asset.gzip());
        } else {
            e.blob(200, asset.contentType(), asset.plain());
        }
    }
}
