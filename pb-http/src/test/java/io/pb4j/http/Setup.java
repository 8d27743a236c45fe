package io.pb4j.http;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** HTTP-level stand-ins (as the fixture's superuser) for the BeforeTestFunc of some PocketBase scenarios. */
enum Setup {
    /** {@code demo3.title} hidden. */
    HIDE_DEMO3_TITLE {
        @Override
        void apply(TestServer server) {
            hideTitle(server, null);
        }
    },
    /** {@code demo3.title} hidden and {@code demo3.listRule = "title ~ 'test'"}. */
    HIDE_DEMO3_TITLE_LIST_RULE {
        @Override
        void apply(TestServer server) {
            hideTitle(server, "title ~ 'test'");
        }
    },
    /** demo1 gets the index {@code exist_test} on {@code updated}. */
    DEMO1_INDEX_EXIST_TEST {
        @Override
        void apply(TestServer server) {
            JsonObject demo1 = get(server, "/api/collections/demo1");
            JsonArrayBuilder idx = Json.createArrayBuilder(demo1.getJsonArray("indexes"))
                    .add("CREATE INDEX `exist_test` ON `demo1` (`updated`)");
            server.expect("PATCH", "/api/collections/demo1", PocketBaseScenarios.SUPERUSER,
                    Json.createObjectBuilder().add("indexes", idx).build().toString(), 200);
        }
    },
    /** settings {@code batch.enabled = false}. */
    BATCH_DISABLED {
        @Override
        void apply(TestServer server) {
            batch(server, "enabled", JsonValue.FALSE);
        }
    },
    /** settings {@code batch.maxRequests = 2}. */
    BATCH_MAX_REQUESTS_2 {
        @Override
        void apply(TestServer server) {
            batch(server, "maxRequests", Json.createValue(2));
        }
    },
    /** settings {@code batch.maxBodySize = 10}. */
    BATCH_MAX_BODY_SIZE_10 {
        @Override
        void apply(TestServer server) {
            batch(server, "maxBodySize", Json.createValue(10));
        }
    },
    /** PocketBase's TestMailer: every mail is accepted and dropped (an onMailerSend handler that stops the chain). */
    TEST_MAILER {
        @Override
        void apply(TestServer server) {
            server.app.onMailerSend().bind(e -> { });
        }
    };

    abstract void apply(TestServer server);

    /** Changes one key of the settings' {@code batch} object (PocketBase's tests set {@code app.Settings().Batch.*}). */
    private static void batch(TestServer server, String key, JsonValue value) {
        JsonObject settings = server.app.settings();
        server.app.saveSettings(Json.createObjectBuilder(settings)
                .add("batch", Json.createObjectBuilder(settings.getJsonObject("batch")).add(key, value)).build());
    }

    private static JsonObject get(TestServer server, String path) {
        String body = server.expect("GET", path, PocketBaseScenarios.SUPERUSER, null, 200);
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static void hideTitle(TestServer server, String listRule) {
        JsonObject demo3 = get(server, "/api/collections/demo3");
        JsonArrayBuilder fields = Json.createArrayBuilder();
        for (JsonValue v : demo3.getJsonArray("fields")) {
            JsonObject f = v.asJsonObject();
            fields.add(f.getString("name").equals("title") ? Json.createObjectBuilder(f).add("hidden", true).build() : f);
        }
        var patch = Json.createObjectBuilder().add("fields", fields);
        if (listRule != null) {
            patch.add("listRule", listRule);
        }
        server.expect("PATCH", "/api/collections/demo3", PocketBaseScenarios.SUPERUSER, patch.build().toString(), 200);
    }
}
