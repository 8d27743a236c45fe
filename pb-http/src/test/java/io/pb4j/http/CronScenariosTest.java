package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/cron_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class CronScenariosTest extends PocketBaseTestFile {
    CronScenariosTest() {
        super("cron_test.go");
    }
}
