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
            io.pb4j.auth.internal.oauth2.providers.Apple,
            io.pb4j.auth.internal.oauth2.providers.Google,
            io.pb4j.auth.internal.oauth2.providers.Microsoft,
            io.pb4j.auth.internal.oauth2.providers.Yandex,
            io.pb4j.auth.internal.oauth2.providers.Facebook,
            io.pb4j.auth.internal.oauth2.providers.Instagram,
            io.pb4j.auth.internal.oauth2.providers.Github,
            io.pb4j.auth.internal.oauth2.providers.Gitlab,
            io.pb4j.auth.internal.oauth2.providers.Bitbucket,
            io.pb4j.auth.internal.oauth2.providers.Gitee,
            io.pb4j.auth.internal.oauth2.providers.Gitea,
            io.pb4j.auth.internal.oauth2.providers.Discord,
            io.pb4j.auth.internal.oauth2.providers.Twitter,
            io.pb4j.auth.internal.oauth2.providers.Kakao,
            io.pb4j.auth.internal.oauth2.providers.Vk,
            io.pb4j.auth.internal.oauth2.providers.Linear,
            io.pb4j.auth.internal.oauth2.providers.Notion,
            io.pb4j.auth.internal.oauth2.providers.Monday,
            io.pb4j.auth.internal.oauth2.providers.Lark,
            io.pb4j.auth.internal.oauth2.providers.Box,
            io.pb4j.auth.internal.oauth2.providers.Spotify,
            io.pb4j.auth.internal.oauth2.providers.Trakt,
            io.pb4j.auth.internal.oauth2.providers.Twitch,
            io.pb4j.auth.internal.oauth2.providers.Patreon,
            io.pb4j.auth.internal.oauth2.providers.Strava,
            io.pb4j.auth.internal.oauth2.providers.Wakatime,
            io.pb4j.auth.internal.oauth2.providers.Livechat,
            io.pb4j.auth.internal.oauth2.providers.Mailcow,
            io.pb4j.auth.internal.oauth2.providers.Planningcenter,
            io.pb4j.auth.internal.oauth2.providers.Oidc,
            io.pb4j.auth.internal.oauth2.providers.Oidc2,
            io.pb4j.auth.internal.oauth2.providers.Oidc3;
}
