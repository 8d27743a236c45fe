package io.pb4j.auth.internal.oauth2.providers;

import io.pb4j.auth.internal.oauth2.OAuth2Providers;
import io.pb4j.auth.spi.OAuth2ProviderFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One row of the provider table: PocketBase's defaults of a provider, provider-shaped payloads for the local fake and
 * the AuthUser PocketBase maps them to, plus the variants where PocketBase drops the email or refuses the account.
 */
final class ProviderCase {
    /** A payload change: routes and token fields that replace the case's own. */
    record Variant(String label, Map<String, String> routes, Map<String, String> tokenFields, String message) {
    }

    final String name;
    final String displayName;
    final int order;
    final boolean pkce;
    final List<String> scopes;
    String userPath = "/user";
    final Map<String, String> routes = new LinkedHashMap<>();
    final Map<String, String> tokenFields = new LinkedHashMap<>();
    List<String> expected; // id, name, username, email, avatarURL
    Optional<Variant> unverified = Optional.empty();
    Optional<Variant> rejected = Optional.empty();
    Function<FakeProvider, OAuth2ProviderFactory> factory;
    Consumer<FakeProvider.Request> userRequestCheck = r -> { };

    private ProviderCase(String name, String displayName, int order, boolean pkce, List<String> scopes) {
        this.name = name;
        this.displayName = displayName;
        this.order = order;
        this.pkce = pkce;
        this.scopes = scopes;
        this.factory = fake -> OAuth2Providers.find(name).orElseThrow();
    }

    static ProviderCase of(String name, String displayName, int order, boolean pkce, String... scopes) {
        return new ProviderCase(name, displayName, order, pkce, List.of(scopes));
    }

    /** The user payload, served at the user-info URL. */
    ProviderCase user(String json) {
        routes.put(userPath, json);
        return this;
    }

    ProviderCase route(String path, String json) {
        routes.put(path, json);
        return this;
    }

    ProviderCase token(String field, String value) {
        tokenFields.put(field, value);
        return this;
    }

    ProviderCase expect(String id, String name, String username, String email, String avatarUrl) {
        expected = List.of(id, name, username, email, avatarUrl);
        return this;
    }

    /** With these payloads PocketBase keeps the account but not its email. */
    ProviderCase unverified(Map<String, String> routes, Map<String, String> tokenFields) {
        unverified = Optional.of(new Variant("unverified", routes, tokenFields, ""));
        return this;
    }

    ProviderCase unverifiedUser(String json) {
        return unverified(Map.of(userPath, json), Map.of());
    }

    /** With these payloads PocketBase refuses the account, with an error that says {@code message}. */
    ProviderCase rejected(Map<String, String> routes, Map<String, String> tokenFields, String message) {
        rejected = Optional.of(new Variant("rejected", routes, tokenFields, message));
        return this;
    }

    ProviderCase rejectedUser(String json, String message) {
        return rejected(Map.of(userPath, json), Map.of(), message);
    }

    ProviderCase factory(Function<FakeProvider, OAuth2ProviderFactory> factory) {
        this.factory = factory;
        return this;
    }

    ProviderCase userRequest(Consumer<FakeProvider.Request> check) {
        this.userRequestCheck = check;
        return this;
    }

    @Override
    public String toString() {
        return name;
    }
}
