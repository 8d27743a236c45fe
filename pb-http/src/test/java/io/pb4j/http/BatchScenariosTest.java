package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/batch_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class BatchScenariosTest extends PocketBaseTestFile {
    BatchScenariosTest() {
        super("batch_test.go");
    }
}
