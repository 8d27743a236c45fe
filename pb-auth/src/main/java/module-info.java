/**
 * Authentication for pb4j: PocketBase's tokens and auth flows, and the SPI for OAuth2 providers.
 */
module io.pb4j.auth {
    requires io.pb4j.core;
    requires com.auth0.jwt;
    requires java.net.http;

    exports io.pb4j.auth.spi;

    uses io.pb4j.auth.spi.OAuth2ProviderFactory;

    provides io.pb4j.core.spi.CollectionCheck with io.pb4j.auth.internal.OAuth2ProvidersCheck;

    provides io.pb4j.core.spi.Plugin with io.pb4j.auth.internal.AuthPlugin;
    provides io.pb4j.auth.spi.OAuth2ProviderFactory with
            io.pb4j.auth.internal.oauth2.providers.Gitlab;
}
