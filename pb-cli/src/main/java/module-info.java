/**
 * The {@code pb4j} command: {@code serve} and {@code superuser}, PocketBase's commands and flags. It exports
 * nothing; the image launcher runs {@link io.pb4j.cli.Main}, and an app's own {@code main} reaches the same command
 * line through {@code app.start(args)} (pb-core's {@code Launcher} SPI, provided here). The store, HTTP and feature modules are reached
 * through pb-core's SPIs, so they need no {@code requires} here: the build puts every one of them on the module
 * path and in the image.
 */
module io.pb4j.cli {
    requires io.pb4j.core;
    requires java.logging;
    requires jdk.unsupported;
    // migrate-store, when the PostgreSQL store is in the image
    requires static io.pb4j.store.postgres;

    // serve lets the HTTP server begin its set-up while the store opens (ServerProvider.prepare)
    uses io.pb4j.core.spi.ServerProvider;

    provides io.pb4j.core.spi.Launcher with io.pb4j.cli.CliLauncher;
}
