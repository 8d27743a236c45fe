package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.SUPERUSER;
import static io.pb4j.http.PocketBaseScenarios.USER;
import static io.pb4j.http.PocketBaseScenarios.s;

import java.util.List;

/** PocketBase's scenarios of the superuser SQL console ({@code apis/sql_test.go}), ported as data. */
final class PocketBaseSqlScenarios {
    private PocketBaseSqlScenarios() {
    }

    private static final String FILE = "sql_test.go";
    private static final String FUNC = "TestSQLRun";

    static final List<PbScenario> PORTED = List.of(
            s(FILE, FUNC, 16, "guest", "POST", "/api/sql", null, "{\"query\":\"select 1\"}", 401)
                    .expect("\"data\":{}"),
            s(FILE, FUNC, 25, "regular user", "POST", "/api/sql", USER, "{\"query\":\"select 1\"}", 403)
                    .expect("\"data\":{}"),
            s(FILE, FUNC, 38, "superuser", "POST", "/api/sql", SUPERUSER, "{\"query\":\"select 1\"}", 200)
                    .expect("\"execTime\":", "\"affectedRows\":0", "\"columns\":[{\"name\":\"1\",\"type\":\"\",\"nullable\":true}]",
                            "\"rows\":[[\"1\"]]"),
            s(FILE, FUNC, 56, "empty query", "POST", "/api/sql", SUPERUSER, "{\"query\":\"\"}", 400)
                    .expect("\"data\":{", "\"query\":{"),
            s(FILE, FUNC, 72, "invalid query", "POST", "/api/sql", SUPERUSER, "{\"query\":\"invalid\"}", 400)
                    .expect("\"data\":{}", "Raw error:", "SQL logic error"),
            s(FILE, FUNC, 89, "query with length above the limit", "POST", "/api/sql", SUPERUSER,
                    "{\"query\":\"" + "a".repeat(5001) + "\"}", 400)
                    .expect("\"data\":{", "\"query\":{"),
            s(FILE, FUNC, 105, "query with length equal to the limit", "POST", "/api/sql", SUPERUSER,
                    "{\"query\":\"select '" + "a".repeat(4985) + "' as id\"}", 200)
                    .expect("\"execTime\":", "\"affectedRows\":0", "\"columns\":[{\"name\":\"id\",\"type\":\"\",\"nullable\":true}]",
                            "\"rows\":[[\"aaa"),
            s(FILE, FUNC, 123, "single write query", "POST", "/api/sql", SUPERUSER,
                    "{\"query\":\"create table test_sql_table(id int primary key)\"}", 200)
                    .expect("\"execTime\":", "\"affectedRows\":0", "\"columns\":[]", "\"rows\":[]")
                    .after(After.SQL_TABLE_CREATED),
            s(FILE, FUNC, 146, "multiple write queries", "POST", "/api/sql", SUPERUSER,
                    "{\"query\":\"create table test_sql_table(id int primary key);insert into test_sql_table(id)VALUES(1)\"}", 200)
                    .expect("\"execTime\":", "\"affectedRows\":1", "\"columns\":[]", "\"rows\":[]")
                    .after(After.SQL_TABLE_ONE_ROW),
            s(FILE, FUNC, 175, "multiple write queries (transaction rollback)", "POST", "/api/sql", SUPERUSER,
                    "{\"query\":\"create table test_sql_table(id int primary key);insert into test_sql_table(id)VALUES(1);invalid\"}", 400)
                    .expect("\"data\":{}", "Raw error:", "SQL logic error")
                    .after(After.SQL_TABLE_ABSENT),
            s(FILE, FUNC, 197, "multiple read queries", "POST", "/api/sql", SUPERUSER, "{\"query\":\"select 1;select 2\"}", 200)
                    .expect("\"execTime\":", "\"affectedRows\":0", "\"columns\":[{\"name\":\"2\",\"type\":\"\",\"nullable\":true}]",
                            "\"rows\":[[\"2\"]]"));
}
