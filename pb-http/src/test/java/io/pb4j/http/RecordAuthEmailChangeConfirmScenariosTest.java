package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/record_auth_email_change_confirm_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class RecordAuthEmailChangeConfirmScenariosTest extends PocketBaseTestFile {
    RecordAuthEmailChangeConfirmScenariosTest() {
        super("record_auth_email_change_confirm_test.go");
    }
}
