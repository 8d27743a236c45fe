package io.pb4j.js;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.Collection;
import io.pb4j.core.Record;
import io.pb4j.core.field.BoolField;
import io.pb4j.core.field.JsonField;
import io.pb4j.core.field.NumberField;
import io.pb4j.core.field.TextField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code $dbx} expressions in {@code $app.db().select(...)}, {@code $app.recordQuery(...)} and
 * {@code $app.findAllRecords(collection, ...exprs)}, and DynamicModel binding of rows, over HTTP against real
 * SQLite data. Every route answers the SQL it ran besides the rows, so the expressions' text is checked too.
 */
class JsDbxTest {
    static JsTestServer server;

    @BeforeAll
    static void start() {
        server = JsTestServer.start(Map.of("dbx.pb.js", """
                const titles = (rows) => rows.map((r) => r.title)
                const q = (where) => {
                    const rows = arrayOf(new DynamicModel({ title: "", n: 0, ok: false, meta: {} }))
                    const query = $app.db().select("title", "n", "ok", "meta").from("items").where(where).orderBy("n ASC")
                    query.all(rows)
                    return rows
                }
                routerAdd("GET", "/dbx/{case}", (e) => {
                    const c = e.request.pathValue("case")
                    const exprs = {
                        exp: $dbx.exp("n > {:min}", { min: 2 }),
                        hash: $dbx.hashExp({ ok: true, n: [1, 2, 3] }),
                        hashNull: $dbx.hashExp({ note: null }),
                        not: $dbx.not($dbx.exp("n = 1")),
                        and: $dbx.and($dbx.exp("n >= 2"), $dbx.exp("n <= 3")),
                        or: $dbx.or($dbx.exp("n = 1"), $dbx.exp("n = 4")),
                        in: $dbx.in("title", "b", "d"),
                        inNone: $dbx.in("title"),
                        notIn: $dbx.notIn("title", "b", "d"),
                        like: $dbx.like("title", "50%"),
                        notLike: $dbx.notLike("title", "50%"),
                        orLike: $dbx.orLike("title", "a", "c"),
                        orNotLike: $dbx.orNotLike("title", "a", "b"),
                        between: $dbx.between("n", 2, 3),
                        notBetween: $dbx.notBetween("n", 2, 3),
                        exists: $dbx.exists($dbx.exp("SELECT 1 FROM items i2 WHERE i2.n = items.n + 1")),
                        notExists: $dbx.notExists($dbx.exp("SELECT 1 FROM items i2 WHERE i2.n = items.n + 1")),
                    }
                    const rows = q(exprs[c])
                    return e.json(200, rows)
                })
                routerAdd("GET", "/dbx-typed", (e) => {
                    const rows = q($dbx.hashExp({ title: "a" }))
                    const one = new DynamicModel({ title: "", n: 0, ok: false, meta: {} })
                    $app.db().newQuery("SELECT title, n, ok, meta FROM {{items}} WHERE [[n]] = {:n}").bind({ n: 2 }).one(one)
                    return e.json(200, { types: [typeof rows[0].n, typeof rows[0].ok, typeof rows[0].meta], metaKey: rows[0].meta.k, one })
                })
                routerAdd("GET", "/dbx-records", (e) => {
                    const records = arrayOf(new Record)
                    $app.recordQuery("items").where($dbx.like("title", "a")).orWhere($dbx.hashExp({ n: 4 })).orderBy("n DESC").limit(5).all(records)
                    const all = $app.findAllRecords("items", $dbx.exp("n < {:n}", { n: 3 }), $dbx.hashExp({ ok: true }))
                    return e.json(200, { query: records.map((r) => r.get("title")), all: all.map((r) => r.getString("title")) })
                })
                """), false, 1);
        Collection items = server.app.save(Collection.builder().name("items").type(Collection.BASE)
                .fields(List.of(TextField.primaryKeyField(), TextField.builder("title").build(), NumberField.builder("n").build(),
                        BoolField.builder("ok").build(), JsonField.builder("meta").build(), TextField.builder("note").build()))
                .build());
        Object[][] rows = {{"a", 1, true, "{\"k\":\"v1\"}"}, {"b", 2, true, "{\"k\":\"v2\"}"}, {"c", 3, false, "[]"}, {"50% d", 4, true, "null"}};
        for (Object[] row : rows) {
            Record r = Record.create(items);
            r.set("title", row[0]);
            r.set("n", row[1]);
            r.set("ok", row[2]);
            r.set("meta", jakarta.json.Json.createReader(new java.io.StringReader((String) row[3])).readValue());
            server.app.save(r);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String titles(String c) {
        var r = server.get("/dbx/" + c);
        assertThat(r.statusCode()).as(c + ": " + r.body()).isEqualTo(200);
        List<String> out = new java.util.ArrayList<>();
        var m = java.util.regex.Pattern.compile("\"title\":\"([^\"]*)\"").matcher(r.body());
        while (m.find()) {
            out.add(m.group(1));
        }
        return String.join(",", out);
    }

    @Test
    void expressionsSelectTheRightRows() {
        assertThat(titles("exp")).isEqualTo("c,50% d");
        assertThat(titles("hash")).isEqualTo("a,b");
        assertThat(titles("hashNull")).isEmpty(); // text fields are never NULL, as in PocketBase
        assertThat(titles("not")).isEqualTo("b,c,50% d");
        assertThat(titles("and")).isEqualTo("b,c");
        assertThat(titles("or")).isEqualTo("a,50% d");
        assertThat(titles("in")).isEqualTo("b");
        assertThat(titles("inNone")).isEmpty();
        assertThat(titles("notIn")).isEqualTo("a,c,50% d");
        assertThat(titles("like")).isEqualTo("50% d");
        assertThat(titles("notLike")).isEqualTo("a,b,c");
        assertThat(titles("orLike")).isEqualTo("a,c");
        assertThat(titles("orNotLike")).isEqualTo("a,b,c,50% d");
        assertThat(titles("between")).isEqualTo("b,c");
        assertThat(titles("notBetween")).isEqualTo("a,50% d");
        assertThat(titles("exists")).isEqualTo("a,b,c");
        assertThat(titles("notExists")).isEqualTo("50% d");
    }

    @Test
    void dynamicModelsTypeTheColumns() {
        var r = server.get("/dbx-typed");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"types\":[\"number\",\"boolean\",\"object\"],\"metaKey\":\"v1\","
                + "\"one\":{\"title\":\"b\",\"n\":2,\"ok\":true,\"meta\":{\"k\":\"v2\"}}}");
    }

    @Test
    void recordQueriesAndFindAllRecordsTakeExpressions() {
        var r = server.get("/dbx-records");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"query\":[\"50% d\",\"a\"],\"all\":[\"a\",\"b\"]}");
    }
}
