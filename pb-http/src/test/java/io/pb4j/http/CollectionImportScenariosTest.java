package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/collection_import_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class CollectionImportScenariosTest extends PocketBaseTestFile {
    CollectionImportScenariosTest() {
        super("collection_import_test.go");
    }
}
