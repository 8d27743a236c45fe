/**
 * Files for pb4j: the contract of file storage backends. The {@code file} field, uploads, thumbnails, protected
 * files and the {@code local} and {@code s3} backends are not written yet (see README.md).
 */
module io.pb4j.files {
    requires io.pb4j.core;

    exports io.pb4j.files.spi;

    uses io.pb4j.files.spi.FileBackendProvider;
}
