package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/settings_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class SettingsScenariosTest extends PocketBaseTestFile {
    SettingsScenariosTest() {
        super("settings_test.go");
    }
}
