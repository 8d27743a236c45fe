package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/backup_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class BackupScenariosTest extends PocketBaseTestFile {
    BackupScenariosTest() {
        super("backup_test.go");
    }
}
