package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/record_crud_mfa_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class RecordCrudMfaScenariosTest extends PocketBaseTestFile {
    RecordCrudMfaScenariosTest() {
        super("record_crud_mfa_test.go");
    }
}
