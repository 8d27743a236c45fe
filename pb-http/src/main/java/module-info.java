/**
 * pb4j over HTTP: the Helidon WebServer adapter and PocketBase's data APIs (records, collections, health).
 * Helidon types stay inside this module.
 */
module io.pb4j.http {
    requires io.pb4j.core;
    requires io.helidon.webserver;
    requires io.helidon.logging.jul;

    uses io.pb4j.core.spi.S3Check;

    provides io.pb4j.core.spi.ServerProvider with io.pb4j.http.internal.helidon.HelidonServerProvider;
    provides io.pb4j.core.spi.Plugin with io.pb4j.http.internal.DataApiPlugin;
}
