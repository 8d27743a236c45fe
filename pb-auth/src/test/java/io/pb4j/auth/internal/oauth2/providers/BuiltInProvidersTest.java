package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.ProviderTable.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.auth.internal.oauth2.OAuth2Providers;
import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Config;
import io.pb4j.auth.spi.OAuth2Provider;
import io.pb4j.auth.spi.OAuth2ProviderFactory;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in provider against a local fake of the provider: defaults, consent URL, code exchange (credentials as
 * Basic authorization with a JSON answer, or refused as Basic and sent as form parameters with a form-encoded answer),
 * user request and mapping, and PocketBase's email and account policies.
 */
class BuiltInProvidersTest {
    static final String SECRET = "client-secret";
    static final String REDIRECT = "https://app.example.com/oauth2-redirect";

    /** How the fake token endpoint wants the client credentials and how it answers. */
    enum Exchange { BASIC_AUTH_JSON_ANSWER, FORM_CREDENTIALS_FORM_ANSWER }

    static Stream<ProviderCase> cases() {
        return ProviderTable.ALL.stream();
    }

    static Stream<Arguments> flows() {
        return cases().flatMap(c -> Stream.of(Exchange.values()).map(x -> Arguments.of(c, x)));
    }

    static Stream<ProviderCase> withUnverifiedEmail() {
        return cases().filter(c -> c.unverified.isPresent());
    }

    static Stream<ProviderCase> withRefusedAccounts() {
        return cases().filter(c -> c.rejected.isPresent());
    }

    @Test
    void theCatalogHoldsEveryPocketBaseProviderOnceInPocketBasesOrder() {
        assertThat(OAuth2Providers.all()).extracting(OAuth2ProviderFactory::name)
                .containsExactlyElementsOf(ProviderTable.ALL.stream().map(c -> c.name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void defaultsAreThoseOfPocketBase(ProviderCase c) {
        OAuth2ProviderFactory p = OAuth2Providers.find(c.name).orElseThrow();
        assertThat(p.displayName()).isEqualTo(c.displayName);
        assertThat(p.order()).isEqualTo(c.order);
        assertThat(p.pkce()).isEqualTo(c.pkce);
        assertThat(p.defaultScopes()).containsExactlyElementsOf(c.scopes);
        assertThat(p.logo()).startsWith("<svg").endsWith("</svg>");
        if (c.name.equals("mailcow") || c.name.startsWith("oidc")) {
            // their URLs are the collection's to configure
            assertThat(List.of(p.authUrl(), p.tokenUrl(), p.userInfoUrl())).containsOnly("");
        } else {
            assertThat(p.authUrl()).startsWith("https://");
            assertThat(p.tokenUrl()).startsWith("https://");
            if (c.name.equals("apple")) {
                assertThat(p.userInfoUrl()).as("Apple's user comes from the id token").isEmpty();
            } else {
                assertThat(p.userInfoUrl()).startsWith("https://");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("flows")
    void signsInThroughTheCodeFlow(ProviderCase c, Exchange exchange) throws Exception {
        try (FakeProvider fake = new FakeProvider()) {
            OAuth2Provider provider = provider(c, fake, exchange, Map.of(), Map.of());

            String authUrl = provider.buildAuthUrl("state-1", provider.config().pkce()
                    ? Map.of("code_challenge", "challenge-1", "code_challenge_method", "S256") : Map.of());
            assertThat(authUrl).startsWith(fake.url("/authorize") + "?").endsWith("&redirect_uri=");
            Map<String, String> query = FakeProvider.decode(authUrl.substring(authUrl.indexOf('?') + 1));
            Map<String, String> expectedQuery = new LinkedHashMap<>(Map.of("client_id", CLIENT_ID, "response_type", "code",
                    "state", "state-1", "redirect_uri", ""));
            if (!c.scopes.isEmpty()) {
                expectedQuery.put("scope", String.join(" ", c.scopes));
            }
            if (c.pkce) {
                expectedQuery.putAll(Map.of("code_challenge", "challenge-1", "code_challenge_method", "S256"));
            }
            assertThat(query).containsExactlyInAnyOrderEntriesOf(expectedQuery);

            OAuth2Token token = provider.exchangeCode("code-1", c.pkce ? "verifier-1" : "");
            assertThat(token.accessToken()).isEqualTo("access-1");
            assertThat(token.refreshToken()).isEqualTo("refresh-1");
            assertThat(token.expiry()).hasValueSatisfying(t -> assertThat(t)
                    .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700)));
            List<FakeProvider.Request> tokenRequests = fake.requests("/token");
            assertThat(tokenRequests).hasSize(exchange == Exchange.BASIC_AUTH_JSON_ANSWER ? 1 : 2);
            Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", "code-1",
                    "redirect_uri", REDIRECT));
            if (c.pkce) {
                form.put("code_verifier", "verifier-1");
            }
            assertThat(tokenRequests.getFirst().form()).containsExactlyInAnyOrderEntriesOf(form);
            assertThat(tokenRequests.getFirst().basicCredentials()).hasValue(CLIENT_ID + ":" + SECRET);
            if (exchange == Exchange.FORM_CREDENTIALS_FORM_ANSWER) {
                form.putAll(Map.of("client_id", CLIENT_ID, "client_secret", SECRET));
                assertThat(tokenRequests.get(1).form()).containsExactlyInAnyOrderEntriesOf(form);
                assertThat(tokenRequests.get(1).basicCredentials()).isEmpty();
            }

            AuthUser user = provider.fetchAuthUser(token);
            assertThat(List.of(user.id(), user.name(), user.username(), user.email(), user.avatarUrl()))
                    .containsExactlyElementsOf(c.expected);
            assertThat(user.accessToken()).isEqualTo("access-1");
            assertThat(user.refreshToken()).isEqualTo("refresh-1");
            assertThat(user.expiry()).isEqualTo(token.expiry());
            if (c.routes.containsKey(c.userPath)) {
                assertThat(user.rawUser()).containsAllEntriesOf(parse(c.routes.get(c.userPath)));
                FakeProvider.Request userRequest = fake.requests(c.userPath).getFirst();
                assertThat(userRequest.header("Authorization")).isEqualTo("Bearer access-1");
                c.userRequestCheck.accept(userRequest);
            } else {
                assertThat(user.rawUser().getString("sub")).isEqualTo(user.id());
            }
            c.tokenFields.keySet().stream().filter(k -> !k.equals("id_token") && !k.equals("email"))
                    .forEach(k -> assertThat(user.rawUser()).containsEntry(k, Json.createValue(c.tokenFields.get(k))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withUnverifiedEmail")
    void anEmailTheProviderDoesNotVouchForIsLeftOut(ProviderCase c) throws Exception {
        try (FakeProvider fake = new FakeProvider()) {
            var variant = c.unverified.orElseThrow();
            OAuth2Provider provider = provider(c, fake, Exchange.BASIC_AUTH_JSON_ANSWER, variant.routes(), variant.tokenFields());
            AuthUser user = provider.fetchAuthUser(provider.exchangeCode("code-1", ""));
            assertThat(user.id()).isEqualTo(c.expected.getFirst());
            assertThat(user.email()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withRefusedAccounts")
    void anAccountPocketBaseRefusesFailsTheSignIn(ProviderCase c) throws Exception {
        try (FakeProvider fake = new FakeProvider()) {
            var variant = c.rejected.orElseThrow();
            OAuth2Provider provider = provider(c, fake, Exchange.BASIC_AUTH_JSON_ANSWER, variant.routes(), variant.tokenFields());
            OAuth2Token token = provider.exchangeCode("code-1", "");
            assertThatThrownBy(() -> provider.fetchAuthUser(token)).isInstanceOf(IOException.class)
                    .hasMessageContaining(variant.message());
        }
    }

    /** A provider configured against {@code fake}, whose routes and token endpoint answer as the case says. */
    static OAuth2Provider provider(ProviderCase c, FakeProvider fake, Exchange exchange, Map<String, String> routes,
                                   Map<String, String> tokenFields) {
        Map<String, String> allRoutes = new LinkedHashMap<>(c.routes);
        allRoutes.putAll(routes);
        allRoutes.forEach(fake::json);
        Map<String, String> fields = new LinkedHashMap<>(Map.of("access_token", "access-1", "token_type", "bearer",
                "refresh_token", "refresh-1", "expires_in", "3600"));
        fields.putAll(c.tokenFields);
        fields.putAll(tokenFields);
        fake.route("/token", r -> tokenAnswer(r, exchange, fields));
        OAuth2ProviderFactory factory = c.factory.apply(fake);
        OAuth2Config config = OAuth2Providers.config(factory, Json.createObjectBuilder()
                .add("name", c.name)
                .add("clientId", CLIENT_ID)
                .add("clientSecret", SECRET)
                .add("authURL", fake.url("/authorize"))
                .add("tokenURL", fake.url("/token"))
                .add("userInfoURL", fake.url(c.userPath))
                .build(), REDIRECT);
        return factory.create(config);
    }

    static FakeProvider.Response tokenAnswer(FakeProvider.Request r, Exchange exchange, Map<String, String> fields) {
        boolean basic = r.basicCredentials().filter((CLIENT_ID + ":" + SECRET)::equals).isPresent();
        Map<String, String> form = r.form();
        boolean inForm = CLIENT_ID.equals(form.get("client_id")) && SECRET.equals(form.get("client_secret"));
        if (exchange == Exchange.BASIC_AUTH_JSON_ANSWER && basic) {
            var json = Json.createObjectBuilder();
            fields.forEach((k, v) -> {
                if (k.equals("expires_in")) {
                    json.add(k, Long.parseLong(v));
                } else {
                    json.add(k, v);
                }
            });
            return FakeProvider.Response.json(json.build().toString());
        }
        if (exchange == Exchange.FORM_CREDENTIALS_FORM_ANSWER && inForm && r.basicCredentials().isEmpty()) {
            return new FakeProvider.Response(200, "application/x-www-form-urlencoded", FakeProvider.form(fields));
        }
        return FakeProvider.Response.status(401, "{\"error\":\"invalid_client\"}");
    }

    static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

}
