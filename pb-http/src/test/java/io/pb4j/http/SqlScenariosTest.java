package io.pb4j.http;

/** PocketBase v0.39.11's {@code apis/sql_test.go} scenarios, run by the test kit (see {@link PocketBaseTestFile}). */
class SqlScenariosTest extends PocketBaseTestFile {
    SqlScenariosTest() {
        super("sql_test.go");
    }
}
