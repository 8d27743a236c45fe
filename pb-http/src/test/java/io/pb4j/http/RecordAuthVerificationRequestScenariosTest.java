package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/record_auth_verification_request_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class RecordAuthVerificationRequestScenariosTest extends PocketBaseTestFile {
    RecordAuthVerificationRequestScenariosTest() {
        super("record_auth_verification_request_test.go");
    }
}
