package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/health_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class HealthScenariosTest extends PocketBaseTestFile {
    HealthScenariosTest() {
        super("health_test.go");
    }
}
