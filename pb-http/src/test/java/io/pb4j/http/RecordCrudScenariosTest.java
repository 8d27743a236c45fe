package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/record_crud_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class RecordCrudScenariosTest extends PocketBaseTestFile {
    RecordCrudScenariosTest() {
        super("record_crud_test.go");
    }
}
