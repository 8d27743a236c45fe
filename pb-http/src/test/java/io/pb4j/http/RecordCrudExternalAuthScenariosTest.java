package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/record_crud_external_auth_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class RecordCrudExternalAuthScenariosTest extends PocketBaseTestFile {
    RecordCrudExternalAuthScenariosTest() {
        super("record_crud_external_auth_test.go");
    }
}
