package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/record_auth_with_oauth2_redirect_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class RecordAuthWithOauth2RedirectScenariosTest extends PocketBaseTestFile {
    RecordAuthWithOauth2RedirectScenariosTest() {
        super("record_auth_with_oauth2_redirect_test.go");
    }
}
