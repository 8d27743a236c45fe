/**
 * Files for pb4j: PocketBase's {@code file} field, uploads through the records API, {@code GET /api/files/...} with
 * thumbs and protected files, and the storage backends ({@code local} under {@code pb_data/storage}; any other,
 * such as {@code s3}, through the SPI {@link io.pb4j.files.spi.FileBackendProvider}).
 *
 * <p>Thumbs are made with {@code java.desktop}'s ImageIO, which this module needs only when it is there: a runtime
 * without it (the default jlink image, 40 MB smaller) serves the original file for a thumb request, as PocketBase does
 * when a thumb cannot be made. Uploads are checked from their headers either way.
 */
module io.pb4j.files {
    requires io.pb4j.core;
    requires static java.desktop;
    requires java.net.http;

    exports io.pb4j.files.spi;

    uses io.pb4j.files.spi.FileBackendProvider;

    provides io.pb4j.core.spi.Plugin with io.pb4j.files.internal.FilesPlugin;
    provides io.pb4j.core.spi.FieldTypeProvider with io.pb4j.files.internal.FileFieldType;
    provides io.pb4j.files.spi.FileBackendProvider with io.pb4j.files.internal.local.LocalBackendProvider,
            io.pb4j.files.internal.s3.S3BackendProvider;
}
