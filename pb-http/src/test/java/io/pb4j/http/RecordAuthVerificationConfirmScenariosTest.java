package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/record_auth_verification_confirm_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class RecordAuthVerificationConfirmScenariosTest extends PocketBaseTestFile {
    RecordAuthVerificationConfirmScenariosTest() {
        super("record_auth_verification_confirm_test.go");
    }
}
