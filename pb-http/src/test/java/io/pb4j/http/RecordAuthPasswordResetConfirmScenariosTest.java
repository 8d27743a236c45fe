package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/record_auth_password_reset_confirm_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class RecordAuthPasswordResetConfirmScenariosTest extends PocketBaseTestFile {
    RecordAuthPasswordResetConfirmScenariosTest() {
        super("record_auth_password_reset_confirm_test.go");
    }
}
