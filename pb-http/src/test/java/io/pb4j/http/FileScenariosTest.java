package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/file_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class FileScenariosTest extends PocketBaseTestFile {
    FileScenariosTest() {
        super("file_test.go");
    }
}
