package io.pb4j.js;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The last of PocketBase's JSVM globals, each run in a route of a real pb_hooks folder and checked over HTTP:
 * {@code $filepath} (Go's documented examples), {@code Cookie} with {@code e.setCookie}, {@code DateTime}, the field
 * constructors with {@code collection.fields} and {@code $app.save}, {@code FormData} with {@code $http.send},
 * {@code $security.randomStringByRegex} and {@code $template}'s context escaping (Go's html/template outputs).
 */
class JsGlobalsTest {
    static JsTestServer server;

    @BeforeAll
    static void start() {
        server = JsTestServer.start(Map.of("globals.pb.js", """
                const eq = (got, expected, what) => {
                    const g = JSON.stringify(got), x = JSON.stringify(expected)
                    if (g !== x) throw new Error((what || "") + " expected " + x + ", got " + g)
                }
                const throws = (fn, what) => {
                    try { fn() } catch (err) { return String(err) }
                    throw new Error("expected an error from " + what)
                }
                const tests = {
                    filepathBase: () => {
                        const cases = [["/foo/bar/baz.js", "baz.js"], ["/foo/bar/baz", "baz"], ["/foo/bar/baz/", "baz"],
                            ["dev.txt", "dev.txt"], ["../todo.txt", "todo.txt"], ["..", ".."], [".", "."], ["/", "/"], ["", "."]]
                        for (const [p, x] of cases) eq($filepath.base(p), x, "base(" + p + ")")
                    },
                    filepathDir: () => {
                        const cases = [["/foo/bar/baz.js", "/foo/bar"], ["/foo/bar/baz", "/foo/bar"], ["/foo/bar/baz/", "/foo/bar/baz"],
                            ["/dirty//path///", "/dirty/path"], ["dev.txt", "."], ["../todo.txt", ".."], ["..", "."], [".", "."], ["/", "/"], ["", "."]]
                        for (const [p, x] of cases) eq($filepath.dir(p), x, "dir(" + p + ")")
                    },
                    filepathClean: () => {
                        const cases = [["a/c", "a/c"], ["a//c", "a/c"], ["a/c/.", "a/c"], ["a/c/b/..", "a/c"], ["/../a/c", "/a/c"],
                            ["/../a/b/../././/c", "/a/c"], ["", "."], ["../../x/../y", "../../y"], ["/..", "/"]]
                        for (const [p, x] of cases) eq($filepath.clean(p), x, "clean(" + p + ")")
                    },
                    filepathExtAbs: () => {
                        eq($filepath.ext("/a/b/c/bar.css"), ".css"); eq($filepath.ext("/"), ""); eq($filepath.ext("index"), "")
                        eq($filepath.ext("a.b/c"), "")
                        const abs = [["/home/gopher", true], [".bashrc", false], ["..", false], [".", false], ["/", true], ["", false]]
                        for (const [p, x] of abs) eq($filepath.isAbs(p), x, "isAbs(" + p + ")")
                        eq($filepath.toSlash("a/b"), "a/b"); eq($filepath.fromSlash("a/b"), "a/b")
                    },
                    filepathJoinSplit: () => {
                        eq($filepath.join("a", "b", "c"), "a/b/c"); eq($filepath.join("a", "b/c"), "a/b/c")
                        eq($filepath.join("a/b", "c"), "a/b/c"); eq($filepath.join("a/b", "/c"), "a/b/c")
                        eq($filepath.join("a/b", "../../../xyz"), "../xyz"); eq($filepath.join("", ""), ""); eq($filepath.join("", "a"), "a")
                        eq($filepath.split("/home/arnie/amelia.jpg"), ["/home/arnie/", "amelia.jpg"])
                        eq($filepath.split("/mnt/photos/"), ["/mnt/photos/", ""])
                        eq($filepath.split("rabbit.jpg"), ["", "rabbit.jpg"])
                        eq($filepath.split("/usr/local//go"), ["/usr/local//", "go"])
                        eq($filepath.splitList("/a/b/c:/usr/bin"), ["/a/b/c", "/usr/bin"])
                        eq($filepath.splitList(""), [])
                    },
                    filepathRel: () => {
                        eq($filepath.rel("/a", "/a/b/c"), "b/c"); eq($filepath.rel("/a", "/b/c"), "../b/c")
                        eq($filepath.rel("a/b", "a/b"), "."); eq($filepath.rel("a/b/c", "a/x"), "../../x")
                        const err = throws(() => $filepath.rel("/a", "./b/c"), "rel")
                        if (!err.includes("Rel: can't make ./b/c relative to /a")) throw new Error(err)
                    },
                    filepathMatch: () => {
                        eq($filepath.match("/home/catch/*", "/home/catch/foo"), true)
                        eq($filepath.match("/home/catch/*", "/home/catch/foo/bar"), false)
                        eq($filepath.match("/home/?opher", "/home/gopher"), true)
                        eq($filepath.match("/home/\\\\*", "/home/*"), true)
                        eq($filepath.match("[a-c]x", "bx"), true); eq($filepath.match("[^a-c]x", "bx"), false)
                        eq($filepath.match("*.js", "a.pb.js"), true); eq($filepath.match("a*b*c", "abxbc"), true)
                        const err = throws(() => $filepath.match("[", "a"), "match")
                        if (!err.includes("syntax error in pattern")) throw new Error(err)
                    },
                    filepathGlobWalk: () => {
                        const root = $os.tempDir() + "/pb4j-fp-" + $security.randomString(6)
                        $os.mkdirAll(root + "/b/c", 0o755)
                        $os.writeFile(root + "/a.txt", "a", 0o644)
                        $os.writeFile(root + "/b/x.txt", "x", 0o644)
                        $os.writeFile(root + "/b/c/y.md", "y", 0o644)
                        eq($filepath.glob(root + "/*.txt"), [root + "/a.txt"])
                        eq($filepath.glob(root + "/*/*.txt"), [root + "/b/x.txt"])
                        eq($filepath.glob(root + "/nothing*"), [])
                        const walked = []
                        $filepath.walk(root, (path, info, err) => { walked.push($filepath.rel(root, path) + (info.isDir() ? "/" : "")) })
                        eq(walked, ["./", "a.txt", "b/", "b/c/", "b/c/y.md", "b/x.txt"])
                        const names = []
                        $filepath.walkDir(root + "/b", (path, d, err) => { names.push(d.name()) })
                        eq(names, ["b", "c", "y.md", "x.txt"])
                        const stopped = throws(() => $filepath.walkDir(root, (path, d, err) => d.name() === "b" ? "stop here" : null), "walk")
                        if (!stopped.includes("stop here")) throw new Error(stopped)
                        $os.removeAll(root)
                    },
                    cookie: () => {
                        const cookie = new Cookie({ name: "example_name", value: "example_value", path: "/example_path",
                            domain: "example.com", maxAge: 10, secure: true, httpOnly: true, sameSite: 3 })
                        eq(cookie.string(), "example_name=example_value; Path=/example_path; Domain=example.com; Max-Age=10; HttpOnly; Secure; SameSite=Strict")
                        eq(new Cookie({ name: "a", value: "b c", maxAge: -1, sameSite: 2 }).string(), 'a="b c"; Max-Age=0; SameSite=Lax')
                        eq(new Cookie({ name: "bad name" }).string(), "")
                        eq(new Cookie({ name: "e", value: "1", expires: new Date(Date.UTC(2030, 0, 2, 3, 4, 5)) }).string(),
                            "e=1; Expires=Wed, 02 Jan 2030 03:04:05 GMT")
                    },
                    dateTime: () => {
                        const now = new DateTime()
                        if (now.isZero()) throw new Error("(now) Expected to fallback to now, got zero value")
                        const nowPart = now.string().substring(0, 19)
                        const scenarios = [
                            [new DateTime(""), nowPart], [new DateTime("", "Asia/Tokyo"), nowPart],
                            [new DateTime("2023-01-01 00:00:00.000Z"), "2023-01-01 00:00:00.000Z"],
                            [new DateTime("2025-10-26 03:00:00", "invalid"), "2025-10-26 03:00:00.000Z"],
                            [new DateTime("2025-10-26 03:00:00", "Europe/Amsterdam"), "2025-10-26 02:00:00.000Z"],
                            [new DateTime("2025-10-26 01:00:00", "Europe/Amsterdam"), "2025-10-25 23:00:00.000Z"],
                            [new DateTime("2025-10-26 01:00:00 +0200", "Asia/Tokyo"), "2025-10-25 23:00:00.000Z"],
                        ]
                        scenarios.forEach(([d, x], i) => { if (!d.string().includes(x)) throw new Error("(" + i + ") " + d.string() + " does not contain " + x) })
                        const a = new DateTime("2024-02-28 10:00:00.000Z")
                        eq(a.add(36 * 3600 * 1e9).string(), "2024-02-29 22:00:00.000Z")
                        eq(a.addDate(0, 1, 1).string(), "2024-03-29 10:00:00.000Z")
                        const b = new DateTime("2024-02-28 10:00:01.000Z")
                        eq(b.sub(a), 1e9); eq(a.before(b), true); eq(a.after(b), false); eq(a.compare(b), -1); eq(b.compare(a), 1)
                        eq(a.equal(new DateTime("2024-02-28 12:00:00+02:00")), true)
                        eq(a.unix(), 1709114400)
                        eq(new DateTime("not a date").isZero(), true); eq(new DateTime("not a date").string(), "")
                        eq(JSON.parse(JSON.stringify({ d: a.string() })).d, "2024-02-28 10:00:00.000Z")
                    },
                    namedFields: () => {
                        const ctors = { NumberField: "number", BoolField: "bool", TextField: "text", URLField: "url", EmailField: "email",
                            EditorField: "editor", PasswordField: "password", DateField: "date", AutodateField: "autodate", JSONField: "json",
                            RelationField: "relation", SelectField: "select", FileField: "file", GeoPointField: "geoPoint" }
                        for (const [name, type] of Object.entries(ctors)) {
                            const f = new globalThis[name]({ name: "test" })
                            eq(f.type(), type, name); eq(f.getName(), "test", name); eq(f.name, "test", name)
                        }
                        const f = new Field({ name: "test", type: "bool" })
                        eq(f.type(), "bool"); eq(f.getName(), "test")
                        const list = new FieldsList([{ name: "title", type: "text" }, { name: "n", type: "number" }])
                        eq(list.fieldNames(), ["title", "n"]); eq(list.getByName("n").type(), "number"); eq(list.length, 2)
                        eq(list.getById(list[0].id).name, "title")
                        const iterated = []
                        for (const f of list) iterated.push(f.name)
                        eq(iterated, ["title", "n"])
                        list.removeByName("title")
                        eq(list.fieldNames(), ["n"])
                        const t = new TextField({ name: "title", max: 10 })
                        eq(t.max, 10); eq(t.required, false)
                        t.required = true
                        eq(t.required, true)
                    },
                    randomStringByRegex: () => {
                        const patterns = ["test", "\\\\d+", "\\\\d*", "\\\\d{1,20}", "\\\\d{5}", "\\\\d{0,}-abc", "[a-zA-Z_]*", "[^a-zA-Z]{5,30}",
                            "\\\\w+_abc", "[2-9]{10}-\\\\w+", "(a|b|c)", "[[:alpha:]]{3}\\\\.x", "(?:ab|cd)?e+", "\\\\s\\\\S"]
                        for (const p of patterns) {
                            const seen = new Set()
                            for (let i = 0; i < 20; i++) {
                                const s = $security.randomStringByRegex(p)
                                if (!new RegExp("^(?:" + p.replace("[[:alpha:]]", "[A-Za-z]") + ")$", "u").test(s)) throw new Error(JSON.stringify(s) + " does not match " + p)
                                seen.add(s)
                            }
                            if (p !== "test" && p !== "(a|b|c)" && seen.size < 2) throw new Error("not random: " + p)
                        }
                        for (let i = 0; i < 20; i++) if (!["a", "b", "c"].includes($security.randomStringByRegex("(a|b|c)"))) throw new Error("(a|b|c)")
                        for (const bad of ["", "^abc", "abc$", "\\\\bx", "(ab", "[a-", "a{2,1}"]) throws(() => $security.randomStringByRegex(bad), JSON.stringify(bad))
                        throws(() => $security.randomStringByRegex("\\\\d+", 0), "POSIX \\\\d")
                        eq($security.randomStringByRegex("a.b", 2), "a.b") // syntax.Literal
                    },
                    templateContexts: () => {
                        const d = "O'Reilly: How are <i>you</i>?"
                        const r = (t, data) => $template.loadString(t).render({ v: data === undefined ? d : data })
                        eq(r("{{.v}}"), "O&#39;Reilly: How are &lt;i&gt;you&lt;/i&gt;?")
                        eq(r("<a title='{{.v}}'>"), "<a title='O&#39;Reilly: How are &lt;i&gt;you&lt;/i&gt;?'>")
                        eq(r('<a href="/{{.v}}">'), '<a href="/O%27Reilly:%20How%20are%20%3ci%3eyou%3c/i%3e?">')
                        eq(r('<a href="?q={{.v}}">'), '<a href="?q=O%27Reilly%3a%20How%20are%20%3ci%3eyou%3c%2fi%3e%3f">')
                        eq(r(`<a onx='f("{{.v}}")'>`), `<a onx='f("O\\\\u0027Reilly: How are \\\\u003ci\\\\u003eyou\\\\u003c\\\\/i\\\\u003e?")'>`)
                        eq(r(`<a onx='f({{.v}})'>`), `<a onx='f(&#34;O&#39;Reilly: How are \\\\u003ci\\\\u003eyou\\\\u003c/i\\\\u003e?&#34;)'>`)
                        eq(r('<a href="{{.v}}">x</a>', "javascript:alert(1)"), '<a href="#ZgotmplZ">x</a>')
                        eq(r('<a href="{{.v}}">', "https://example.com/a b?x=1&y=2"), '<a href="https://example.com/a%20b?x=1&amp;y=2">')
                        eq(r('<img src="{{.v}}">', "JavaScript:x"), '<img src="#ZgotmplZ">')
                        eq(r("<script>var x = {{.v}};</script>"), '<script>var x = "O\\'Reilly: How are \\\\u003ci\\\\u003eyou\\\\u003c/i\\\\u003e?";</script>')
                        eq(r("<script>var n = {{.v}};</script>", 42), "<script>var n =  42 ;</script>")
                        eq(r("<script>var o = {{.v}};</script>", { b: [1, "<"], a: true }), '<script>var o = {"a":true,"b":[1,"\\\\u003c"]};</script>')
                        eq(r('<script>var s = "{{.v}}";</script>'), '<script>var s = "O\\\\u0027Reilly: How are \\\\u003ci\\\\u003eyou\\\\u003c\\\\/i\\\\u003e?";</script>')
                        eq(r("<p>{{.v}}</p><script>{{.v}}</script><p>{{.v}}</p>", "<b>"), '<p>&lt;b&gt;</p><script>"\\\\u003cb\\\\u003e"</script><p>&lt;b&gt;</p>')
                        eq(r('<p style="color: {{.v}}">', "red"), '<p style="color: red">')
                        eq(r('<p style="color: {{.v}}">', "expression(alert(1))"), '<p style="color: ZgotmplZ">')
                        eq(r("<style>p { color: {{.v}} }</style>", "x;}body{"), "<style>p { color: ZgotmplZ }</style>")
                        eq(r("<input value={{.v}}>", "a b"), "<input value=a&#32;b>")
                        eq(r("<textarea>{{.v}}</textarea>", "</textarea><b>"), "<textarea>&lt;/textarea&gt;&lt;b&gt;</textarea>")
                    },
                }
                routerAdd("GET", "/g/{name}", (e) => {
                    try {
                        tests[e.request.pathValue("name")]()
                        return e.json(200, { ok: true })
                    } catch (err) {
                        return e.json(200, { ok: false, error: String(err) })
                    }
                })
                routerAdd("GET", "/cookie", (e) => {
                    e.setCookie(new Cookie({ name: "session", value: "abc", path: "/", maxAge: 60, httpOnly: true, sameSite: 2 }))
                    e.setCookie(new Cookie({ name: "other", value: "1" }))
                    return e.string(200, "ok")
                })
                routerAdd("POST", "/echo-multipart", (e) => {
                    const files = e.findUploadedFiles("doc")
                    return e.json(200, { title: e.request.formValue("title"), tags: e.requestInfo().body.tags,
                        files: files.map((f) => f.originalName()), contentType: e.request.header.get("Content-Type") })
                })
                routerAdd("GET", "/send-form", (e) => {
                    const form = new FormData()
                    form.append("title", "123")
                    form.append("tags", "a")
                    form.append("tags", "b")
                    form.set("doc", $filesystem.fileFromBytes("hello file", "hello.txt"))
                    if (!form.has("tags") || form.getAll("tags").length !== 2 || form.get("title") !== "123") throw new Error("FormData")
                    form.delete("nothing")
                    const res = $http.send({ url: e.request.url.query().get("base") + "/echo-multipart", method: "POST", body: form,
                        headers: { "content-type": "text/plain" } })
                    return e.json(200, { status: res.statusCode, json: res.json, keys: form.keys(), entries: form.entries().length })
                })
                routerAdd("POST", "/collections/build", (e) => {
                    const users = $app.findCollectionByNameOrId("users")
                    const c = new Collection({ type: "base", name: "things", listRule: "", viewRule: "" })
                    c.fields.add(new TextField({ name: "title", required: true, max: 20 }))
                    c.fields.add(new NumberField({ name: "n", min: 1 }), new BoolField({ name: "flag" }), new EmailField({ name: "mail" }),
                        new URLField({ name: "site" }), new EditorField({ name: "body" }), new DateField({ name: "day" }),
                        new AutodateField({ name: "created", onCreate: true }), new JSONField({ name: "meta" }),
                        new RelationField({ name: "owner", collectionId: users.id, maxSelect: 1 }),
                        new SelectField({ name: "kind", values: ["a", "b"], maxSelect: 1 }),
                        new PasswordField({ name: "secret" }), new GeoPointField({ name: "where" }))
                    c.addIndex("idx_things_title", true, "title", "")
                    $app.save(c)
                    const r = new Record(c)
                    r.set("title", "from js")
                    r.set("day", new DateTime("2024-01-02 03:04:05.000Z"))
                    $app.save(r)
                    const back = $app.findRecordById("things", r.id)
                    return e.json(200, { id: c.id, names: c.fields.fieldNames(), idField: c.fields.getByName("id").type(),
                        day: back.getString("day"), title: back.getString("title") })
                })
                routerAdd("POST", "/collections/change", (e) => {
                    const c = $app.findCollectionByNameOrId("things")
                    c.fields.getByName("title").max = 5
                    c.fields.removeByName("n")
                    c.fields.addAt(1, new BoolField({ name: "first" }))
                    const flagId = c.fields.getByName("flag").id
                    c.fields.add(new BoolField({ name: "flag", id: flagId, hidden: true })) // same id: replaces the field in place
                    c.listRule = null
                    c.removeIndex("idx_things_title")
                    unmarshal({ viewRule: "@request.auth.id != ''" }, c)
                    $app.save(c)
                    const again = $app.findCollectionByNameOrId("things")
                    return e.json(200, { names: again.fields.fieldNames(), flagType: again.fields.getByName("flag").type(), flagHidden: again.fields.getByName("flag").hidden,
                        listRule: again.listRule, viewRule: again.viewRule, indexes: again.indexes.length })
                })
                routerAdd("POST", "/collections/migrate-style", (e) => {
                    // what PocketBase's automigrate writes into pb_migrations
                    const c = $app.findCollectionByNameOrId("things")
                    c.fields.addAt(2, new Field({ "hidden": false, "id": "text9999", "name": "note", "type": "text", "max": 0, "min": 0,
                        "pattern": "", "presentable": false, "primaryKey": false, "required": false, "system": false, "autogeneratePattern": "" }))
                    c.fields.removeById(c.fields.getByName("first").id)
                    unmarshal({ "name": "things2" }, c)
                    $app.save(c)
                    return e.json(200, { name: c.name, names: c.fields.fieldNames(), noteId: c.fields.getByName("note").id })
                })
                routerAdd("POST", "/collections/invalid", (e) => {
                    const c = new Collection({ type: "base", name: "broken" })
                    c.fields.add(new SelectField({ name: "kind" })) // no values: PocketBase refuses it
                    $app.save(c)
                    return e.string(200, "saved?")
                })
                """), false, 3);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"filepathBase", "filepathDir", "filepathClean", "filepathExtAbs", "filepathJoinSplit", "filepathRel",
            "filepathMatch", "filepathGlobWalk", "cookie", "dateTime", "namedFields", "randomStringByRegex", "templateContexts"})
    void globalsAsInPocketBase(String test) {
        var r = server.get("/g/" + test);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).as(test).isEqualTo("{\"ok\":true}");
    }

    @Test
    void setCookieWritesSetCookieHeaders() {
        var r = server.get("/cookie");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("Set-Cookie"))
                .containsExactly("session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax", "other=1");
    }

    @Test
    void formDataIsSentAsMultipartByHttpSend() {
        var r = server.get("/send-form?base=" + server.base);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject body = json(r.body());
        assertThat(body.getInt("status")).isEqualTo(200);
        JsonObject echoed = body.getJsonObject("json");
        assertThat(echoed.getString("title")).isEqualTo("123");
        assertThat(echoed.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(echoed.get("files").toString()).isEqualTo("[\"hello.txt\"]");
        assertThat(echoed.getString("contentType")).startsWith("multipart/form-data; boundary=");
        assertThat(body.get("keys").toString()).isEqualTo("[\"title\",\"tags\",\"doc\"]");
        assertThat(body.getInt("entries")).isEqualTo(4);
    }

    @Test
    void fieldConstructorsBuildACollectionThatIsSavedAndChanged() {
        var built = server.send("POST", "/collections/build", "{}");
        assertThat(built.statusCode()).as(built.body()).isEqualTo(200);
        JsonObject b = json(built.body());
        assertThat(b.getString("id")).isNotEmpty();
        assertThat(b.get("names").toString()).isEqualTo("[\"id\",\"title\",\"n\",\"flag\",\"mail\",\"site\",\"body\",\"day\",\"created\","
                + "\"meta\",\"owner\",\"kind\",\"secret\",\"where\"]");
        assertThat(b.getString("idField")).isEqualTo("text");
        assertThat(b.getString("day")).isEqualTo("2024-01-02 03:04:05.000Z");
        assertThat(b.getString("title")).isEqualTo("from js");

        String token = server.superuserToken();
        var c = json(server.get("/api/collections/things", "Authorization", token).body());
        assertThat(c.getJsonArray("fields").getJsonObject(1).getString("type")).isEqualTo("text");
        assertThat(c.getJsonArray("fields").getJsonObject(1).getBoolean("required")).isTrue();
        assertThat(c.getJsonArray("fields").getJsonObject(1).getInt("max")).isEqualTo(20);
        assertThat(c.getJsonArray("fields").getJsonObject(1).getString("id")).isEqualTo(io.pb4j.core.field.FieldTypes.defaultId("text", "title"));
        assertThat(c.getJsonArray("indexes").toString()).contains("idx_things_title");
        // the saved rules and fields work through the records API
        var missing = server.send("POST", "/api/collections/things/records", "{\"n\":0}", "Authorization", token);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"title\":{\"code\":\"validation_required\"");
        var created = server.send("POST", "/api/collections/things/records", "{\"title\":\"hello\",\"n\":2,\"kind\":\"a\"}",
                "Authorization", token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(server.get("/api/collections/things/records").statusCode()).isEqualTo(200);

        var changed = server.send("POST", "/collections/change", "{}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonObject ch = json(changed.body());
        assertThat(ch.get("names").toString()).isEqualTo("[\"id\",\"first\",\"title\",\"flag\",\"mail\",\"site\",\"body\",\"day\",\"created\","
                + "\"meta\",\"owner\",\"kind\",\"secret\",\"where\"]");
        assertThat(ch.getString("flagType")).isEqualTo("bool");
        assertThat(ch.getBoolean("flagHidden")).isTrue();
        assertThat(ch.isNull("listRule")).isTrue();
        assertThat(ch.getString("viewRule")).isEqualTo("@request.auth.id != ''");
        assertThat(ch.getInt("indexes")).isZero();
        assertThat(server.get("/api/collections/things/records").statusCode()).isEqualTo(403);
        var tooLong = server.send("POST", "/api/collections/things/records", "{\"title\":\"toolong\"}", "Authorization", token);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("validation_max_text_constraint");

        var migrated = server.send("POST", "/collections/migrate-style", "{}");
        assertThat(migrated.statusCode()).as(migrated.body()).isEqualTo(200);
        JsonObject m = json(migrated.body());
        assertThat(m.getString("name")).isEqualTo("things2");
        assertThat(m.getString("noteId")).isEqualTo("text9999");
        assertThat(m.get("names").toString()).startsWith("[\"id\",\"note\",\"title\",\"flag\"");
        assertThat(server.get("/api/collections/things2", "Authorization", token).statusCode()).isEqualTo(200);
    }

    @Test
    void anInvalidCollectionIsRefusedWithPocketBasesValidationError() {
        var r = server.send("POST", "/collections/invalid", "{}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"values\"");
        assertThat(server.app.findCollection("broken")).isEmpty();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
