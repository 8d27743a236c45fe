package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/record_auth_refresh_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class RecordAuthRefreshScenariosTest extends PocketBaseTestFile {
    RecordAuthRefreshScenariosTest() {
        super("record_auth_refresh_test.go");
    }
}
