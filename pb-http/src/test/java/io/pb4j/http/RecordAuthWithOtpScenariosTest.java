package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/record_auth_with_otp_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class RecordAuthWithOtpScenariosTest extends PocketBaseTestFile {
    RecordAuthWithOtpScenariosTest() {
        super("record_auth_with_otp_test.go");
    }
}
