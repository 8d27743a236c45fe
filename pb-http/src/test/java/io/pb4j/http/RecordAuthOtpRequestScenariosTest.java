package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/record_auth_otp_request_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class RecordAuthOtpRequestScenariosTest extends PocketBaseTestFile {
    RecordAuthOtpRequestScenariosTest() {
        super("record_auth_otp_request_test.go");
    }
}
