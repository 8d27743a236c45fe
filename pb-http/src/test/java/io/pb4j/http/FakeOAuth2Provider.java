package io.pb4j.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A GitLab-shaped OAuth2 provider on 127.0.0.1 for the sign-in tests: {@code POST /token} exchanges any code for the
 * access token {@code at-<code>}, {@code GET /user} answers the account the code names. Code {@code bad} is refused at
 * the token endpoint, {@code nouser} at the user endpoint; a code starting {@code unconfirmed} gives an account whose
 * email GitLab does not vouch for. Every other code {@code c} is the account {@code id=c}, {@code username=c},
 * {@code email=c@example.com} (confirmed), {@code name="Name c"}.
 */
final class FakeOAuth2Provider implements AutoCloseable {
    private final WebServer server;
    private volatile Map<String, String> lastTokenRequest = Map.of();

    private FakeOAuth2Provider() {
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> r.post("/token", this::token).get("/user", FakeOAuth2Provider::user))
                .build().start();
    }

    static FakeOAuth2Provider start() {
        return new FakeOAuth2Provider();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The form parameters of the last token request (code, code_verifier, redirect_uri, …). */
    Map<String, String> lastTokenRequest() {
        return lastTokenRequest;
    }

    /** The collection option {@code oauth2.providers[]} entry that points {@code gitlab} at this server. */
    String gitlabEntry() {
        return Json.createObjectBuilder().add("name", "gitlab").add("clientId", "test-client").add("clientSecret", "test-secret")
                .add("authURL", url() + "/authorize").add("tokenURL", url() + "/token").add("userInfoURL", url() + "/user")
                .build().toString();
    }

    private void token(ServerRequest req, ServerResponse res) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : req.content().as(String.class).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        lastTokenRequest = Map.copyOf(form);
        String code = form.getOrDefault("code", "");
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        if (code.equals("bad")) {
            res.status(Status.BAD_REQUEST_400).send("{\"error\":\"invalid_grant\"}");
            return;
        }
        res.send(Json.createObjectBuilder().add("access_token", "at-" + code).add("refresh_token", "rt-" + code)
                .add("token_type", "bearer").add("expires_in", 3600).build().toString());
    }

    private static void user(ServerRequest req, ServerResponse res) {
        String auth = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        String code = auth.startsWith("Bearer at-") ? auth.substring("Bearer at-".length()) : "";
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        if (code.isEmpty() || code.equals("nouser")) {
            res.status(Status.UNAUTHORIZED_401).send("{\"message\":\"401 Unauthorized\"}");
            return;
        }
        JsonObjectBuilder user = Json.createObjectBuilder().add("id", code).add("username", code).add("name", "Name " + code)
                .add("email", code + "@example.com").add("avatar_url", "https://gitlab.example.com/" + code + ".png");
        if (!code.startsWith("unconfirmed")) {
            user.add("confirmed_at", "2024-01-02T03:04:05Z");
        }
        res.send(user.build().toString());
    }

    @Override
    public void close() {
        server.stop();
    }
}
