package io.pb4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed view of an auth collection's options, with PocketBase's zero values for what is missing. */
class AuthOptionsTest {
    private static AuthOptions of(String json) {
        return new AuthOptions(Json.createReader(new StringReader(json)).readObject());
    }

    @Test
    void readsEveryOptionGroup() {
        AuthOptions o = of("""
                {"authRule":"verified = true","manageRule":null,
                 "passwordAuth":{"enabled":true,"identityFields":["email","username"]},
                 "oauth2":{"enabled":true,"mappedFields":{"name":"fullName"},"providers":[{"name":"gitlab"},"junk"]},
                 "mfa":{"enabled":true,"duration":1800,"rule":"@request.auth.role = 'admin'"},
                 "otp":{"enabled":true,"duration":300,"length":6},
                 "authAlert":{"enabled":true},
                 "authToken":{"secret":"s1","duration":604800},
                 "fileToken":{"secret":"s2"}}""");
        assertThat(o.authRule()).hasValue("verified = true");
        assertThat(o.manageRule()).isEmpty();
        assertThat(o.passwordAuth()).isEqualTo(new AuthOptions.PasswordAuth(true, List.of("email", "username")));
        assertThat(o.oauth2().enabled()).isTrue();
        assertThat(o.oauth2().mappedFields().getString("name")).isEqualTo("fullName");
        assertThat(o.oauth2().providers()).hasSize(1);
        assertThat(o.mfa()).isEqualTo(new AuthOptions.Mfa(true, Duration.ofMinutes(30), "@request.auth.role = 'admin'"));
        assertThat(o.otp()).isEqualTo(new AuthOptions.Otp(true, Duration.ofMinutes(5), 6));
        assertThat(o.authAlert().enabled()).isTrue();
        assertThat(o.authToken()).isEqualTo(new AuthOptions.Token("s1", java.util.Optional.of(Duration.ofDays(7))));
        assertThat(o.fileToken().duration()).isEmpty();
    }

    @Test
    void aBaseCollectionHasEverythingOff() {
        AuthOptions o = new AuthOptions(JsonValue.EMPTY_JSON_OBJECT);
        assertThat(o.authRule()).hasValue("");
        assertThat(o.passwordAuth().enabled()).isFalse();
        assertThat(o.passwordAuth().identityFields()).isEmpty();
        assertThat(o.oauth2().providers()).isEmpty();
        assertThat(o.mfa().enabled()).isFalse();
        assertThat(o.otp()).isEqualTo(new AuthOptions.Otp(false, Duration.ofSeconds(180), 8));
        assertThat(o.token("verificationToken").secret()).isEmpty();
        JsonObject stored = Collection.builder().name("posts").type(Collection.BASE).build().options();
        assertThat(new AuthOptions(stored).mfa().enabled()).isFalse();
    }
}
