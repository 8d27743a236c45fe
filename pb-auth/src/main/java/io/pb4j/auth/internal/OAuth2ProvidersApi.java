package io.pb4j.auth.internal;

import io.pb4j.auth.internal.oauth2.OAuth2Providers;
import io.pb4j.auth.spi.OAuth2ProviderFactory;
import io.pb4j.core.ApiException;
import io.pb4j.core.router.Middleware;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/collections/meta/oauth2-providers} (superusers only): every OAuth2 provider on the module path as
 * {@code [{"name","displayName","logo"}]}, by order then name, for the dashboard's provider picker.
 */
final class OAuth2ProvidersApi {
    private OAuth2ProvidersApi() {
    }

    static void bind(Router router) {
        router.get("/api/collections/meta/oauth2-providers", OAuth2ProvidersApi::list)
                .bind(new Middleware("pbRequireSuperuserAuth", 0, OAuth2ProvidersApi::requireSuperuser));
    }

    private static void requireSuperuser(RequestEvent e) {
        if (e.auth().isEmpty()) {
            throw ApiException.unauthorized("The request requires valid record authorization token.");
        }
        if (!e.isSuperuser()) {
            throw ApiException.forbidden("The authorized record is not allowed to perform this action.");
        }
        e.next();
    }

    private static void list(RequestEvent e) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (OAuth2ProviderFactory p : OAuth2Providers.all()) {
            out.add(Json.createObjectBuilder()
                    .add("name", p.name())
                    .add("displayName", p.displayName())
                    .add("logo", p.logo()));
        }
        StringWriter json = new StringWriter();
        try (var writer = Json.createWriter(json)) {
            writer.write(out.build());
        }
        e.blob(200, "application/json", goHtmlEscaped(json.toString()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Go's JSON encoder escapes {@code <}, {@code >} and {@code &} in strings (the logos are SVG markup); outside
     * strings JSON has none of them, so replacing them everywhere is exact.
     */
    private static String goHtmlEscaped(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
