package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * An auth collection's options are validated as PocketBase's core/collection_model_auth_options.go does, each error
 * under the name the dashboard shows it beside: durations, OTP length, mail templates, token secrets, OAuth2
 * provider settings, MFA's second method and rule, the manageRule; nothing is saved on an error.
 */
class AuthOptionsValidationTest {
    private static JsonObject data(String body) {
        return Json.createReader(new StringReader(body)).readObject().getJsonObject("data");
    }

    private static String code(JsonObject data, String path) {
        JsonObject o = data;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            o = o.getJsonObject(parts[i]);
            assertThat(o).as("%s in %s", path, data).isNotNull();
        }
        return o.getJsonObject(parts[parts.length - 1]).getString("code");
    }

    @Test
    void outOfRangeDurationsLengthsAndBlankTemplatesAreNamed() throws Exception {
        try (TestServer server = TestServer.on(TestServer.newTempDir(), cfg -> { })) {
            String token = server.superuserToken();
            JsonObject d = data(server.expect("POST", "/api/collections", token, """
                    {"name":"members","type":"auth",
                     "otp":{"enabled":true,"duration":5,"length":2,"emailTemplate":{"subject":"","body":"x"}},
                     "authToken":{"duration":100000000},"fileToken":{"duration":3},
                     "verificationTemplate":{"subject":"Hi","body":""},
                     "manageRule":"",
                     "oauth2":{"enabled":true,"providers":[{"name":"google","clientId":"","clientSecret":"s","authURL":"not a url"}]}}
                    """, 400));
            assertThat(code(d, "otp.duration")).isEqualTo("validation_min_greater_equal_than_required");
            assertThat(d.getJsonObject("otp").getJsonObject("duration").getString("message")).isEqualTo("Must be no less than 10.");
            assertThat(code(d, "otp.length")).isEqualTo("validation_min_greater_equal_than_required");
            assertThat(code(d, "otp.emailTemplate.subject")).isEqualTo("validation_required");
            assertThat(code(d, "authToken.duration")).isEqualTo("validation_max_less_equal_than_required");
            assertThat(code(d, "fileToken.duration")).isEqualTo("validation_min_greater_equal_than_required");
            assertThat(code(d, "verificationTemplate.body")).isEqualTo("validation_required");
            assertThat(code(d, "manageRule")).isEqualTo("validation_nil_or_not_empty_required");
            assertThat(code(d, "oauth2.providers.0.clientId")).isEqualTo("validation_required");
            assertThat(code(d, "oauth2.providers.0.authURL")).isEqualTo("validation_is_url");
            assertThat(server.send("GET", "/api/collections/members", token, null).status()).isEqualTo(404);
        }
    }

    @Test
    void mfaNeedsASecondAuthMethodAndAValidRule() throws Exception {
        try (TestServer server = TestServer.on(TestServer.newTempDir(), cfg -> { })) {
            String token = server.superuserToken();
            JsonObject d = data(server.expect("POST", "/api/collections", token,
                    "{\"name\":\"members\",\"type\":\"auth\",\"mfa\":{\"enabled\":true,\"duration\":600}}", 400));
            assertThat(code(d, "mfa.enabled")).isEqualTo("validation_mfa_not_enough_auths");
            d = data(server.expect("POST", "/api/collections", token, """
                    {"name":"members","type":"auth","mfa":{"enabled":true,"duration":600,"rule":"nosuchfield = 1"},
                     "otp":{"enabled":true}}""", 400));
            assertThat(code(d, "mfa.rule")).isEqualTo("validation_invalid_rule");
            server.expect("POST", "/api/collections", token, """
                    {"name":"members","type":"auth","mfa":{"enabled":true,"duration":600,"rule":"verified = true"},
                     "otp":{"enabled":true},"authRule":"verified = true","manageRule":"@request.auth.id != ''"}""", 200);
        }
    }

    @Test
    void theStoredDefaultsOfEveryAuthCollectionStayValid() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            String token = PocketBaseScenarios.SUPERUSER;
            for (String name : new String[] {"users", "clients", "nologin", "_superusers"}) {
                server.expect("PATCH", "/api/collections/" + name, token, "{}", 200);
            }
        }
    }
}
