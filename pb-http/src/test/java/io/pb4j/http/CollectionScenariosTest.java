package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/collection_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class CollectionScenariosTest extends PocketBaseTestFile {
    CollectionScenariosTest() {
        super("collection_test.go");
    }
}
