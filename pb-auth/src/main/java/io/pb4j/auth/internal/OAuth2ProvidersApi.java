package io.pb4j.auth.internal;

import io.pb4j.auth.internal.oauth2.OAuth2Providers;
import io.pb4j.auth.spi.OAuth2ProviderFactory;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import jakarta.json.JsonArrayBuilder;

/**
 * {@code GET /api/collections/meta/oauth2-providers} (superusers only): every OAuth2 provider on the module path as
 * {@code [{"name","displayName","logo"}]}, by order then name, for the dashboard's provider picker.
 */
final class OAuth2ProvidersApi {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private OAuth2ProvidersApi() {
    }

    static void bind(Router router) {
        router.get("/api/collections/meta/oauth2-providers", OAuth2ProvidersApi::list)
                .bind(SuperuserOnly.MIDDLEWARE);
    }

    private static void list(RequestEvent e) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (OAuth2ProviderFactory p : OAuth2Providers.all()) {
            out.add(JSON.createObjectBuilder()
                    .add("name", p.name())
                    .add("displayName", p.displayName())
                    .add("logo", p.logo()));
        }
        e.json(200, out.build());
    }
}
