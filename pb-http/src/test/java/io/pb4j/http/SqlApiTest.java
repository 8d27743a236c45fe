package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/sql} beyond PocketBase's own scenarios: column types, value texts, limits, where writes run. */
class SqlApiTest {
    private static TestServer server;
    private static String token;

    @BeforeAll
    static void start() {
        server = new TestServer();
        token = server.superuserToken();
        run("create table console_t(id int primary key, name varchar(10) not null, score real, data blob)");
        run("insert into console_t values (1, 'a', 1.5, x'6869'), (2, 'b', 1234567.0, null), (3, 'c', 0.00001, null)");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static JsonObject run(String query) {
        String body = server.expect("POST", "/api/sql", token, Json.createObjectBuilder().add("query", query).build().toString(), 200);
        return Json.createReader(new StringReader(body)).readObject();
    }

    @Test
    void tableColumnsCarryTheirDeclaredTypeAndEveryValueComesBackAsGoScansItIntoAString() {
        JsonObject r = run("select id, name, score, data, id * 2 as twice from console_t order by id");
        assertThat(r.getJsonArray("columns").toString()).isEqualTo("[{\"name\":\"id\",\"type\":\"INT\",\"nullable\":true},"
                + "{\"name\":\"name\",\"type\":\"VARCHAR\",\"nullable\":true},{\"name\":\"score\",\"type\":\"REAL\",\"nullable\":true},"
                + "{\"name\":\"data\",\"type\":\"BLOB\",\"nullable\":true},{\"name\":\"twice\",\"type\":\"\",\"nullable\":true}]");
        assertThat(r.getJsonArray("rows").toString())
                .isEqualTo("[[\"1\",\"a\",\"1.5\",\"hi\",\"2\"],[\"2\",\"b\",\"1.234567e+06\",null,\"4\"],[\"3\",\"c\",\"1e-05\",null,\"6\"]]");
        assertThat(r.getInt("affectedRows")).isZero();
    }

    @Test
    void atMostAThousandRowsComeBack() {
        JsonObject r = run("with recursive n(x) as (select 1 union all select x + 1 from n where x < 1500) select x from n");
        assertThat(r.getJsonArray("rows")).hasSize(1000);
        assertThat(r.getJsonArray("rows").getJsonArray(999).getString(0)).isEqualTo("1000");
    }

    @Test
    void aWriteThatDoesNotStartLikeOneIsRunAgainOnTheWriterAndItsRowsAreKept() {
        run("create table console_w(x int)");
        JsonObject r = run("with v(x) as (select 7) insert into console_w select x from v returning x");
        assertThat(r.getJsonArray("rows").toString()).isEqualTo("[[\"7\"]]");
        int stored = server.app.store().read(s -> s.query("select x from console_w", List.of()).size());
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void writeScriptsCountTheRowsTheyChangedAndKeepSemicolonsInsideStringsAndTriggers() {
        JsonObject r = run("create table console_s(x text); create trigger console_s_t after insert on console_s begin "
                + "update console_s set x = x || ';' where rowid = new.rowid; end; insert into console_s values ('a;b'), ('c')");
        assertThat(r.getInt("affectedRows")).isEqualTo(4);
        JsonArray rows = run("select x from console_s order by x").getJsonArray("rows");
        assertThat(rows.toString()).isEqualTo("[[\"a;b;\"],[\"c;\"]]");
    }

    @Test
    void readScriptsSplitOutsideQuotesAndCommentsAndAnswerTheLastStatement() {
        JsonObject r = run("select 'x;y' as a; -- a comment; with ;\n/* ; */ select 'z' as b");
        assertThat(r.getJsonArray("columns").getJsonObject(0).getString("name")).isEqualTo("b");
        assertThat(r.getJsonArray("rows").toString()).isEqualTo("[[\"z\"]]");
    }

    @Test
    void aFailingStatementAnswersPocketBasesErrorWithTheDriversWording() {
        TestServer.Response r = server.send("POST", "/api/sql", token, "{\"query\":\"insert into console_t values (1, 'dup', 0, null)\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"message\":\"Failed to execute query. Raw error:\\nconstraint failed: UNIQUE constraint failed: console_t.id (1555).\"");
        TestServer.Response missing = server.send("POST", "/api/sql", token, "{\"query\":\"select * from nowhere\"}");
        assertThat(missing.body()).contains("SQL logic error: no such table: nowhere (1)");
    }

    @Test
    void aQueryThatIsNotAStringIsABadRequest() {
        TestServer.Response r = server.send("POST", "/api/sql", token, "{\"query\":1}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("An error occurred while loading the submitted data.");
    }
}
