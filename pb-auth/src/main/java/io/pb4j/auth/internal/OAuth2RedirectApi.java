package io.pb4j.auth.internal;

import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;

/**
 * {@code GET|POST /api/oauth2-redirect}, where a provider sends the browser back in PocketBase's all-in-one OAuth2
 * flow. PocketBase forwards {@code code} and {@code state} to the realtime client whose id is {@code state} (and that
 * subscribed to {@code @oauth2}), then redirects to the dashboard's success page. pb4j has no realtime broker yet,
 * so no {@code state} can name a subscribed client and every request takes PocketBase's failure path: a redirect to
 * the dashboard's failure page (307 for GET, 303 for POST), as PocketBase answers an unknown client.
 */
final class OAuth2RedirectApi {
    static final String FAILURE_PATH = "../_/#/auth/oauth2-redirect-failure";

    private OAuth2RedirectApi() {
    }

    static void bind(Router router) {
        router.get("/api/oauth2-redirect", OAuth2RedirectApi::redirect);
        router.post("/api/oauth2-redirect", OAuth2RedirectApi::redirect);
    }

    private static void redirect(RequestEvent e) {
        e.redirect("GET".equals(e.method()) ? 307 : 303, FAILURE_PATH);
    }
}
