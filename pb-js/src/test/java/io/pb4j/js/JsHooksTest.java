package io.pb4j.js;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.Collection;
import io.pb4j.core.field.TextField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Record hooks with tags, {@code $app} finders/save/transactions/SQL, crons and the pre-v0.23 style, over HTTP
 * against a real pb_hooks folder. One server for the class.
 */
class JsHooksTest {
    static JsTestServer server;
    static String token;

    @BeforeAll
    static void start() {
        server = JsTestServer.start(Map.of(
                "hooks.pb.js", """
                        onRecordCreate((e) => {
                            e.record.set("title", e.record.get("title") + " (via js)")
                            e.next()
                        }, "posts")
                        onRecordCreate((e) => {
                            if (e.record.collection().name === "users" && e.record.getString("name") === "forbidden") {
                                throw new BadRequestError("No forbidden titles.")
                            }
                            e.next()
                        })
                        onRecordCreateRequest((e) => {
                            e.next()
                        }, "posts")
                        routerAdd("POST", "/api/myapp/posts", (e) => {
                            const posts = $app.findCollectionByNameOrId("posts")
                            const r = new Record(posts, { title: "made" })
                            $app.save(r)
                            const again = $app.findRecordById("posts", r.id)
                            return e.json(200, again)
                        })
                        routerAdd("GET", "/api/myapp/count", (e) => {
                            const rows = arrayOf(new DynamicModel({ n: 0 }))
                            $app.db().newQuery("SELECT COUNT(*) AS n FROM posts WHERE title LIKE {:t}").bind({ t: "%js%" }).all(rows)
                            const first = $app.findFirstRecordByFilter("posts", "title ~ {:t}", { t: "made" })
                            return e.json(200, { n: rows[0].n, count: $app.countRecords("posts"), first: first.getString("title") })
                        })
                        routerAdd("POST", "/api/myapp/tx", (e) => {
                            $app.runInTransaction((txApp) => {
                                const r = new Record(txApp.findCollectionByNameOrId("posts"))
                                r.set("title", "in tx")
                                txApp.save(r)
                                throw new BadRequestError("rolled back")
                            })
                        })
                        routerAdd("GET", "/api/myapp/none", (e) => {
                            return e.json(200, $app.findRecordById("posts", "nope"))
                        })
                        cronAdd("jsTick", "* * * * *", () => {
                            $app.db().newQuery("CREATE TABLE IF NOT EXISTS ticks (n INTEGER)").execute()
                        })
                        """,
                "old.pb.js", """
                        routerAdd("GET", "/old/:name", (c) => {
                            const info = $apis.requestInfo(c)
                            return c.json(200, { name: c.pathParam("name"), q: c.queryParam("q"),
                                agent: c.request().header.get("X-Old"), admin: info.admin ? true : false })
                        }, $apis.activityLogger($app))
                        routerAdd("GET", "/old-admin", (c) => c.json(200, { ok: c.get("admin") !== null }), $apis.requireAdminAuth())
                        routerAdd("GET", "/old-mw", (c) => c.json(200, { v: c.get("v") }), (next) => {
                            return (c) => {
                                c.set("v", "old middleware")
                                c.response().header().set("X-Old-Mw", "1")
                                return next(c)
                            }
                        })
                        onRecordBeforeCreateRequest((e) => {
                            // the old style returns without calling next: the action still runs
                        }, "posts")
                        """), false, 2);
        server.app.save(Collection.builder().name("posts").type(Collection.BASE).listRule("").viewRule("").createRule("")
                .fields(List.of(TextField.primaryKeyField(), TextField.builder("title").build())).build());
        token = server.superuserToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void taggedRecordHookChangesTheRecord() {
        var r = server.send("POST", "/api/collections/posts/records", "{\"title\":\"first\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"title\":\"first (via js)\"");
    }

    @Test
    void hookErrorRejectsTheWrite() {
        var users = server.send("POST", "/api/collections/users/records",
                "{\"email\":\"x@example.com\",\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\",\"name\":\"forbidden\"}");
        assertThat(users.statusCode()).isEqualTo(400);
        assertThat(users.body()).isEqualTo("{\"data\":{},\"message\":\"No forbidden titles.\",\"status\":400}");
        assertThat(server.app.countRecords("users")).isZero();
    }

    @Test
    void appFindersSaveAndSql() {
        var made = server.send("POST", "/api/myapp/posts", "{}");
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.body()).contains("\"collectionName\":\"posts\"").contains("\"title\":\"made (via js)\"");
        var count = server.get("/api/myapp/count");
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.body()).matches("\\{\"n\":[1-9][0-9]*,\"count\":[1-9][0-9]*,\"first\":\"made \\(via js\\)\"}");
    }

    @Test
    void transactionRollsBackOnThrow() {
        long before = server.app.countRecords("posts");
        var r = server.send("POST", "/api/myapp/tx", "{}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"message\":\"Rolled back.\"");
        assertThat(server.app.countRecords("posts")).isEqualTo(before);
    }

    @Test
    void finderOfNothingIs404() {
        var r = server.get("/api/myapp/none");
        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void cronRunsTheScript() {
        var job = server.app.cron().find("jsTick");
        assertThat(job).isPresent();
        job.get().run();
        assertThat(server.app.db().query("SELECT name FROM sqlite_master WHERE name = 'ticks'", Map.of())).hasSize(1);
    }

    @Test
    void oldStyleHandlers() {
        var r = server.get("/old/bob?q=1", "X-Old", "agent");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"name\":\"bob\",\"q\":\"1\",\"agent\":\"agent\",\"admin\":false}");
        assertThat(server.get("/old-admin").statusCode()).isEqualTo(401);
        assertThat(server.get("/old-admin", "Authorization", token).body()).isEqualTo("{\"ok\":true}");
        var mw = server.get("/old-mw");
        assertThat(mw.body()).isEqualTo("{\"v\":\"old middleware\"}");
        assertThat(mw.headers().firstValue("x-old-mw")).hasValue("1");
    }

    @Test
    void typesFileIsWritten() throws Exception {
        Path types = server.dataDir.resolve("types.d.ts");
        assertThat(Files.readString(types)).contains("declare function routerAdd(");
    }
}
