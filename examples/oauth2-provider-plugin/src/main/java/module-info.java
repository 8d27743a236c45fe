/**
 * The Acme OAuth2 provider for pb4j: on pb4j's module path (or in a jlink image made with it), auth collections can
 * enable the provider "acme".
 */
module com.example.acme {
    requires io.pb4j.auth;
    requires jakarta.json;

    provides io.pb4j.auth.spi.OAuth2ProviderFactory with com.example.acme.AcmeProvider;
}
