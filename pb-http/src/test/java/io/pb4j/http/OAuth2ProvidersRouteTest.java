package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/collections/meta/oauth2-providers} over HTTP: the whole list, as PocketBase v0.39.11 writes it. */
class OAuth2ProvidersRouteTest {
    private static TestServer server;
    private static String superuser;

    @BeforeAll
    static void start() {
        server = new TestServer();
        superuser = AuthLogin.token(server, "_superusers", TestServer.SUPERUSER_EMAIL, TestServer.SUPERUSER_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void listsEveryProviderByOrderThenNameWithNameDisplayNameAndLogoOnly() {
        TestServer.Response r = server.send("GET", "/api/collections/meta/oauth2-providers", superuser, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonArray list;
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            list = reader.readArray();
        }
        assertThat(list.getValuesAs(JsonObject.class)).extracting(o -> o.getString("name")).containsExactly(
                "apple", "google", "microsoft", "yandex", "facebook", "instagram2", "github", "gitlab", "bitbucket",
                "gitee", "gitea", "discord", "twitter", "kakao", "vk", "linear", "notion", "monday", "lark", "box",
                "spotify", "trakt", "twitch", "patreon", "strava", "wakatime", "livechat", "mailcow", "planningcenter",
                "oidc", "oidc2", "oidc3");
        for (JsonObject p : list.getValuesAs(JsonObject.class)) {
            assertThat(p.keySet()).containsExactly("name", "displayName", "logo");
            assertThat(p.getString("logo")).startsWith("<svg");
        }
        assertThat(list.getJsonObject(14).getString("displayName")).isEqualTo("ВКонтакте");
        // Go's encoder escapes HTML characters in strings; the SDK and the dashboard read either form
        assertThat(r.body()).contains("\"logo\":\"\\u003csvg").doesNotContain("<svg");
    }

    @Test
    void guestsAreRefused() {
        assertThat(server.send("GET", "/api/collections/meta/oauth2-providers", null, null).status()).isEqualTo(401);
    }
}
