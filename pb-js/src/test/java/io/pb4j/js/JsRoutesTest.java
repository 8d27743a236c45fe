package io.pb4j.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** v0.23+ routes and middlewares from a real pb_hooks folder, over HTTP. One server for the class (GraalJS warm-up). */
class JsRoutesTest {
    static JsTestServer server;

    @BeforeAll
    static void start() {
        server = JsTestServer.start(Map.of(
                "a_routes.pb.js", """
                        routerAdd("GET", "/hello/{name}", (e) => {
                            const name = e.request.pathValue("name")
                            return e.json(200, { message: "Hello " + name, q: e.request.url.query().get("q"),
                                h: e.request.header.get("X-Test"), n: 1.5, list: [1, "two", null], auth: e.auth })
                        })
                        routerAdd("GET", "/text", (e) => e.string(201, "plain"))
                        routerAdd("GET", "/page", (e) => e.html(200, "<p>hi</p>"))
                        routerAdd("GET", "/empty", (e) => e.noContent(204))
                        routerAdd("GET", "/go", (e) => e.redirect(307, "/text"))
                        routerAdd("POST", "/echo", (e) => {
                            const data = new DynamicModel({ title: "", count: 0 })
                            e.bindBody(data)
                            const info = e.requestInfo()
                            return e.json(200, { title: data.title, count: data.count, body: info.body, method: info.method })
                        })
                        routerAdd("GET", "/private", (e) => e.json(200, { id: e.auth.id }), $apis.requireSuperuserAuth())
                        routerAdd("GET", "/mw", (e) => e.json(200, { seen: e.get("seen") }), (e) => {
                            e.set("seen", "route middleware")
                            e.next()
                        })
                        routerAdd("GET", "/bad", (e) => { throw new BadRequestError("Nope.", { title: { code: "x", message: "y" } }) })
                        routerAdd("GET", "/missing", (e) => { throw new NotFoundError() })
                        routerAdd("GET", "/boom", (e) => { null.x })
                        routerAdd("GET", "/lib", (e) => {
                            const lib = require(`${__hooks}/lib/util.js`)
                            return e.json(200, { value: lib.double(21) })
                        })
                        let inFlight = 0
                        routerAdd("GET", "/exclusive", (e) => {
                            inFlight++
                            const mine = inFlight
                            sleep(50)
                            inFlight--
                            return e.json(mine === 1 ? 200 : 500, { inFlight: mine })
                        })
                        routerAdd("GET", "/template", (e) => {
                            const html = $template.loadString("<p>{{.name}} & {{ .user.age }}</p>").render({ name: "<b>x</b>", user: { age: 3 } })
                            return e.html(200, html)
                        })
                        routerAdd("GET", "/file", (e) => {
                            const f = $filesystem.fileFromBytes("hello", "a.txt")
                            return e.json(200, { name: f.originalName(), size: f.size() })
                        })
                        routerAdd("GET", "/security", (e) => e.json(200, { len: $security.randomString(12).length,
                            sha: $security.sha256("abc"), str: toString([104, 105]), bytes: toString($os.readFile(__hooks + "/a_routes.pb.js")).startsWith('routerAdd("GET", "/hello/') }))
                        """,
                "b_use.pb.js", """
                        routerUse((e) => {
                            e.next()
                        })
                        """,
                "lib/util.js", "module.exports = { double: (x) => x * 2 }"), false, 2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void jsonRouteSeesPathQueryAndHeaders() {
        var r = server.get("/hello/world?q=search", "X-Test", "yes");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(r.body()).isEqualTo("{\"message\":\"Hello world\",\"q\":\"search\",\"h\":\"yes\",\"n\":1.5,\"list\":[1,\"two\",null],\"auth\":null}");
    }

    @Test
    void otherResponseKinds() {
        var text = server.get("/text");
        assertThat(text.statusCode()).isEqualTo(201);
        assertThat(text.body()).isEqualTo("plain");
        var html = server.get("/page");
        assertThat(html.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(html.body()).isEqualTo("<p>hi</p>");
        assertThat(server.get("/empty").statusCode()).isEqualTo(204);
        var go = server.send("GET", "/go", null);
        assertThat(go.statusCode()).isEqualTo(307);
        assertThat(go.headers().firstValue("location")).hasValue("/text");
    }

    @Test
    void bindBodyAndRequestInfo() {
        var r = server.send("POST", "/echo", "{\"title\":\"t1\",\"count\":3,\"other\":true}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"title\":\"t1\",\"count\":3,\"body\":{\"title\":\"t1\",\"count\":3,\"other\":true},\"method\":\"POST\"}");
    }

    @Test
    void apisMiddlewareGuardsTheRoute() {
        var anonymous = server.get("/private");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        var ok = server.get("/private", "Authorization", server.superuserToken());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).startsWith("{\"id\":\"");
    }

    @Test
    void scriptMiddlewareRunsBeforeTheHandler() {
        assertThat(server.get("/mw").body()).isEqualTo("{\"seen\":\"route middleware\"}");
    }

    @Test
    void thrownErrorsAnswerAsPocketBase() {
        var bad = server.get("/bad");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("{\"data\":{\"title\":{\"code\":\"x\",\"message\":\"y\"}},\"message\":\"Nope.\",\"status\":400}");
        var missing = server.get("/missing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"data\":{},\"message\":\"The requested resource wasn't found.\",\"status\":404}");
        var boom = server.get("/boom");
        assertThat(boom.statusCode()).isEqualTo(400);
        assertThat(boom.body()).isEqualTo("{\"data\":{},\"message\":\"Something went wrong while processing your request.\",\"status\":400}");
    }

    @Test
    void concurrentRequestsNeverShareAContext() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> server.get("/exclusive").statusCode()));
            }
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void templateAndFilesystem() {
        assertThat(server.get("/template").body()).isEqualTo("<p>&lt;b&gt;x&lt;/b&gt; & 3</p>");
        assertThat(server.get("/file").body()).isEqualTo("{\"name\":\"a.txt\",\"size\":5}");
    }

    @Test
    void requireAndGlobals() {
        assertThat(server.get("/lib").body()).isEqualTo("{\"value\":42}");
        assertThat(server.get("/security").body()).isEqualTo(
                "{\"len\":12,\"sha\":\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\",\"str\":\"[104,105]\",\"bytes\":true}");
    }
}
