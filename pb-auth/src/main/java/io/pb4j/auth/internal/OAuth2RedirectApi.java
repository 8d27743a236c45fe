package io.pb4j.auth.internal;

import io.pb4j.core.realtime.RealtimeClient;
import io.pb4j.core.realtime.RealtimeMessage;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import jakarta.json.JsonObjectBuilder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET|POST /api/oauth2-redirect}, where a provider sends the browser back in PocketBase's all-in-one OAuth2
 * flow: {@code code}, {@code state} and {@code error} go as an {@code @oauth2} message to the realtime client whose id
 * is {@code state} (through {@code app.realtime()}), which must have subscribed to {@code @oauth2} from the same IP;
 * its {@code @oauth2} subscription is then removed. The browser is redirected to the dashboard's success page (307
 * for GET, 303 for POST) when a code came without an error, to the failure page otherwise, as PocketBase does when
 * it bundles its dashboard. Without pb-realtime no client exists and every request fails. Apple's {@code user} form
 * field (the name, sent on the first sign-in only) is kept in {@link AppleNames} for the code's sign-in.
 */
final class OAuth2RedirectApi {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    static final String FAILURE_PATH = "../_/#/auth/oauth2-redirect-failure";
    static final String SUCCESS_PATH = "../_/#/auth/oauth2-redirect-success";
    private static final String TOPIC = "@oauth2";
    private static final System.Logger LOG = System.getLogger(OAuth2RedirectApi.class.getName());

    private OAuth2RedirectApi() {
    }

    static void bind(Router router, AppleNames appleNames) {
        router.get("/api/oauth2-redirect", e -> redirect(e, appleNames));
        router.post("/api/oauth2-redirect", e -> redirect(e, appleNames));
    }

    private static void redirect(RequestEvent e, AppleNames appleNames) {
        Map<String, String> data = "GET".equals(e.method()) ? Map.of("state", e.queryParam("state"), "code", e.queryParam("code"),
                "error", e.queryParam("error")) : form(e);
        String state = data.getOrDefault("state", "");
        String code = data.getOrDefault("code", "");
        String error = data.getOrDefault("error", "");
        Optional<RealtimeClient> found = state.isEmpty() ? Optional.empty() : e.app().realtime().client(state);
        if (found.isEmpty() || found.get().isDiscarded() || !found.get().hasSubscription(TOPIC)) {
            LOG.log(System.Logger.Level.DEBUG, "missing or invalid OAuth2 subscription client {0}", state);
            go(e, FAILURE_PATH);
            return;
        }
        RealtimeClient client = found.get();
        try {
            if (!client.ip().isEmpty() && !client.ip().equals(e.realIp())) {
                LOG.log(System.Logger.Level.DEBUG, "the OAuth2 redirect came from another IP than its realtime client");
                go(e, FAILURE_PATH);
                return;
            }
            // Apple's first form_post names the user (the user field, not forwarded): kept for auth-with-oauth2
            String appleUser = data.getOrDefault("user", "");
            if (!appleUser.isEmpty() && error.isEmpty() && !code.isEmpty()) {
                appleNames.store(code, appleUser);
            }
            // Go's json.Marshal of PocketBase's struct: state, code, then error only when not empty
            JsonObjectBuilder message = JSON.createObjectBuilder().add("state", state).add("code", code);
            if (!error.isEmpty()) {
                message.add("error", error);
            }
            String json = message.build().toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
            client.send(new RealtimeMessage(TOPIC, json));
        } finally {
            client.unsubscribe(List.of(TOPIC));
        }
        go(e, !error.isEmpty() || code.isEmpty() ? FAILURE_PATH : SUCCESS_PATH);
    }

    private static void go(RequestEvent e, String path) {
        e.redirect("GET".equals(e.method()) ? 307 : 303, path);
    }

    /** The form fields of a POST ({@code response_mode=form_post}); an unreadable body is no fields (a failure). */
    private static Map<String, String> form(RequestEvent e) {
        Map<String, String> out = new LinkedHashMap<>();
        String type = e.header("Content-Type").toLowerCase(java.util.Locale.ROOT);
        try {
            String body = new String(e.body(), StandardCharsets.UTF_8);
            if (type.startsWith("application/json")) {
                jakarta.json.JsonObject o = io.pb4j.core.StrictJson.parse(body).filter(v -> v instanceof jakarta.json.JsonObject)
                        .map(jakarta.json.JsonObject.class::cast).orElse(jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
                for (String key : List.of("state", "code", "error")) {
                    if (o.get(key) instanceof jakarta.json.JsonString s) {
                        out.put(key, s.getString());
                    }
                }
                return out;
            }
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (RuntimeException ex) {
            return Map.of();
        }
        return out;
    }
}
