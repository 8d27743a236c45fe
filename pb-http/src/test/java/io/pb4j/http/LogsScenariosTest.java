package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/logs_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class LogsScenariosTest extends PocketBaseTestFile {
    LogsScenariosTest() {
        super("logs_test.go");
    }
}
