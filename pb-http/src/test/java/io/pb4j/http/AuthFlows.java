package io.pb4j.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** Helpers shared by the auth flow tests (OAuth2, MFA, impersonation, tokens) on a fresh server. */
final class AuthFlows {
    /** The default {@code users} mapping (a PATCH of {@code oauth2} replaces the whole object in pb4j). */
    static final String MAPPED_FIELDS = "\"mappedFields\":{\"id\":\"\",\"name\":\"name\",\"username\":\"\",\"avatarURL\":\"avatar\"}";

    private AuthFlows() {
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** Patches the {@code users} collection's options as the superuser (e.g. {@code "oauth2":{...}}). */
    static void patchUsers(TestServer server, String superuser, String patch) {
        server.expect("PATCH", "/api/collections/users", superuser, patch, 200);
    }

    /** Enables OAuth2 on {@code users} with {@code gitlab} pointed at the fake provider. */
    static void enableGitlab(TestServer server, String superuser, FakeOAuth2Provider provider) {
        patchUsers(server, superuser, "{\"oauth2\":{\"enabled\":true," + MAPPED_FIELDS + ",\"providers\":["
                + provider.gitlabEntry() + "]}}");
    }

    /** Creates a {@code users} record with password {@code 1234567890} through the API; returns its id. */
    static String createUser(TestServer server, String email) {
        String body = server.expect("POST", "/api/collections/users/records", null, "{\"email\":\"" + email
                + "\",\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\"}", 200);
        return json(body).getString("id");
    }

    static TestServer.Response password(TestServer server, String email, String query) {
        return server.send("POST", "/api/collections/users/auth-with-password" + query, null,
                "{\"identity\":\"" + email + "\",\"password\":\"1234567890\"}");
    }

    static TestServer.Response oauth2(TestServer server, String token, String code, String extra) {
        return server.send("POST", "/api/collections/users/auth-with-oauth2", token, "{\"provider\":\"gitlab\",\"code\":\""
                + code + "\",\"codeVerifier\":\"verifier-" + code + "\",\"redirectURL\":\"https://app.example.com/cb\"" + extra + "}");
    }

    /** How many records of a collection match a filter, counted as the superuser. */
    static int count(TestServer server, String superuser, String collection, String filter) {
        String body = server.expect("GET", "/api/collections/" + collection + "/records?perPage=1&filter="
                + java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8), superuser, null, 200);
        return json(body).getInt("totalItems");
    }
}
