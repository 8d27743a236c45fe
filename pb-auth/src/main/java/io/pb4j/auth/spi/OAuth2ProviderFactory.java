package io.pb4j.auth.spi;

import java.util.List;

/**
 * An OAuth2 provider known by name (PocketBase's registry names: {@code google}, {@code github}, ...), found with
 * {@link java.util.ServiceLoader}. An auth collection enables providers by this name in its
 * {@code oauth2.providers} options, and may override the URLs, the display name and the PKCE flag there; the values
 * below are the defaults used when it does not.
 *
 * <p>Implementations are immutable and thread-safe; no method returns null.
 */
public interface OAuth2ProviderFactory {

    /** The registry name, unique among providers, as stored in collection options ({@code "google"}). */
    String name();

    /** The name shown to users ({@code "Google"}), returned by {@code auth-methods}. */
    String displayName();

    /** The provider's logo as SVG markup, shown by the admin dashboard; may be empty. */
    String logo();

    /** Sort order in the providers list (lower first; ties by name). */
    int order();

    /** Whether the authorization code flow uses PKCE ({@code code_challenge} with S256) by default. */
    boolean pkce();

    /** Scopes requested when the collection configures none; may be empty, never null. */
    List<String> defaultScopes();

    /** The authorization endpoint; empty for providers whose URL depends on configuration (e.g. OIDC). */
    String authUrl();

    /** The token endpoint; empty for providers whose URL depends on configuration. */
    String tokenUrl();

    /** The user-info endpoint; empty when the user comes from the id token or the URL depends on configuration. */
    String userInfoUrl();

    /**
     * A provider for one sign-in attempt, configured from the collection's options merged over the defaults above.
     */
    OAuth2Provider create(OAuth2Config config);
}
