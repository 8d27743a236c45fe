package io.pb4j.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.PocketBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Hot reload of a watched pb_hooks folder, script errors at start and on reload, and JS migrations. */
class JsReloadTest {
    @Test
    void changedFilesReloadAndBrokenOnesKeepTheRunningHooks() throws Exception {
        try (JsTestServer server = JsTestServer.start(Map.of("main.pb.js",
                "routerAdd(\"GET\", \"/v\", (e) => e.json(200, { v: 1 }))\n"), true, 1)) {
            assertThat(server.get("/v").body()).isEqualTo("{\"v\":1}");
            Path main = server.hooks.resolve("main.pb.js");
            Files.writeString(main, "routerAdd(\"GET\", \"/v\", (e) => e.json(200, { v: 2 }))\n"
                    + "routerAdd(\"GET\", \"/new\", (e) => e.string(200, \"new\"))\n");
            awaitBody(() -> server.get("/v").body(), "{\"v\":2}");
            assertThat(server.get("/new").body()).isEqualTo("new");

            // a syntax error: the running hooks stay
            Files.writeString(main, "routerAdd(\"GET\", \"/v\", (e) => {\n");
            Thread.sleep(1500);
            assertThat(server.get("/v").body()).isEqualTo("{\"v\":2}");

            // a removed route answers 404, a new file is loaded
            Files.writeString(main, "// nothing\n");
            Files.writeString(server.hooks.resolve("other.pb.js"), "routerAdd(\"GET\", \"/other\", (e) => e.string(200, \"o\"))\n");
            awaitBody(() -> server.get("/other").body(), "o");
            assertThat(server.get("/v").statusCode()).isEqualTo(404);
        }
    }

    /** Routes and middlewares a JS {@code onServe} adds follow a hot reload as routerAdd's do (the app serves already). */
    @Test
    void routesAddedInOnServeFollowAReload() throws Exception {
        try (JsTestServer server = JsTestServer.start(Map.of("serve.pb.js", """
                onServe((e) => {
                    e.router.get("/served/{id}", (re) => re.json(200, { v: 1, id: re.request.pathValue("id") }))
                    e.router.get("/private", (re) => re.string(200, "secret 1")).bind($apis.requireSuperuserAuth())
                    const g = e.router.group("/grp")
                    g.bindFunc((re) => { re.response.header().set("X-Group", "1"); return re.next() })
                    g.get("/x", (re) => re.string(200, "grp 1"))
                    e.router.get("/gone", (re) => re.string(200, "still here"))
                    e.next()
                })
                """), true, 1)) {
            assertThat(server.get("/served/a").body()).isEqualTo("{\"v\":1,\"id\":\"a\"}");
            assertThat(server.get("/private").statusCode()).isEqualTo(401);
            var grp = server.get("/grp/x");
            assertThat(grp.body()).isEqualTo("grp 1");
            assertThat(grp.headers().firstValue("X-Group")).contains("1");
            assertThat(server.get("/gone").body()).isEqualTo("still here");

            Files.writeString(server.hooks.resolve("serve.pb.js"), """
                    onServe((e) => {
                        e.router.get("/served/{id}", (re) => re.json(200, { v: 2, id: re.request.pathValue("id") }))
                        e.router.get("/private", (re) => re.string(200, "secret 2")).bind($apis.requireSuperuserAuth())
                        const g = e.router.group("/grp")
                        g.bindFunc((re) => { re.response.header().set("X-Group", "2"); return re.next() })
                        g.get("/x", (re) => re.string(200, "grp 2"))
                        e.router.post("/added", (re) => re.string(201, "added"))
                        e.next()
                    })
                    """);
            awaitBody(() -> server.get("/served/b").body(), "{\"v\":2,\"id\":\"b\"}");
            assertThat(server.get("/private").statusCode()).isEqualTo(401);
            var ok = server.get("/private", "Authorization", server.superuserToken());
            assertThat(ok.body()).isEqualTo("secret 2");
            grp = server.get("/grp/x");
            assertThat(grp.body()).isEqualTo("grp 2");
            assertThat(grp.headers().allValues("X-Group")).containsExactly("2");
            assertThat(server.send("POST", "/added", "{}").statusCode()).isEqualTo(201);
            assertThat(server.get("/gone").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void scriptErrorAtStartNamesFileAndLine() {
        Path root = JsTestServer.tempDir();
        JsTestServer.write(root.resolve("pb_hooks"), Map.of("bad.pb.js", "// line 1\nrouterAdd(\"GET\", \"/x\", (e) => {\n"));
        JsHooksOptions options = new JsHooksOptions(root.resolve("pb_hooks"), false, 1, root.resolve("pb_migrations"));
        PocketBase app = PocketBase.create(cfg -> cfg.dataDir(root.resolve("pb_data")).plugin(new JsHooksPlugin(options)));
        try {
            assertThatThrownBy(app::bootstrap).hasMessageContaining("bad.pb.js:").hasMessageContaining("SyntaxError");
        } finally {
            app.close();
        }
        JsTestServer.write(root.resolve("pb_hooks"), Map.of("bad.pb.js", "// line 1\n\nundefinedFunction()\n"));
        PocketBase app2 = PocketBase.create(cfg -> cfg.dataDir(root.resolve("pb_data")).plugin(new JsHooksPlugin(options)));
        try {
            assertThatThrownBy(app2::bootstrap).hasMessageContaining("bad.pb.js:3").hasMessageContaining("undefinedFunction");
        } finally {
            app2.close();
        }
    }

    @Test
    void migrationsRunUpAndDown() {
        try (JsTestServer server = JsTestServer.start(Map.of(
                "../pb_migrations/1700000000_create_notes.js", """
                        migrate((app) => {
                            const c = new Collection({ type: "base", name: "notes", listRule: "",
                                fields: [{ type: "text", name: "body" }] })
                            app.save(c)
                        }, (app) => {
                            app.delete(app.findCollectionByNameOrId("notes"))
                        })
                        """,
                "noop.pb.js", "// no hooks\n"), false, 1)) {
            assertThat(server.app.findCollection("notes")).isPresent();
            var list = server.get("/api/collections/notes/records");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(server.app.db().query("SELECT file FROM _migrations WHERE file = '1700000000_create_notes.js'", Map.of()))
                    .hasSize(1);
            server.app.migrations().down(1);
            assertThat(server.app.findCollection("notes")).isEmpty();
        }
    }

    private static void awaitBody(Supplier<String> body, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            last = body.get();
            if (last.equals(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(last).isEqualTo(expected);
    }
}
