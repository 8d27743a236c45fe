package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/realtime_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class RealtimeScenariosTest extends PocketBaseTestFile {
    RealtimeScenariosTest() {
        super("realtime_test.go");
    }
}
