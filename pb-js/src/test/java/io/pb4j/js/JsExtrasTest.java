package io.pb4j.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code $template.loadFiles} with a layout and a page (PocketBase's docs' example), multipart {@code e.bindBody} /
 * {@code e.findUploadedFiles} / {@code e.request.formFile} / {@code $filesystem.fileFromMultipart}, {@code $os.cmd}
 * and routes added in a JS {@code onServe}, over HTTP against a real pb_hooks folder.
 */
class JsExtrasTest {
    static JsTestServer server;

    @BeforeAll
    static void start() {
        server = JsTestServer.start(Map.of(
                "views/layout.html", """
                        <html><head><title>{{block "title" .}}Default app title{{end}}</title></head>
                        <body>{{block "body" .}}Default app body...{{end}}</body></html>""",
                "views/hello.html", """
                        {{define "title"}}Page 1{{end}}
                        {{define "body"}}<p>Hello from {{.name}}</p>
                        <ul>{{range $i, $t := .tags}}<li class="{{if eq $i 0}}first{{else}}rest{{end}}">{{$t}}</li>{{end}}</ul>{{end}}""",
                "extras.pb.js", """
                        routerAdd("GET", "/hello/{name}", (e) => {
                            const name = e.request.pathValue("name")
                            const html = $template.loadFiles(`${__hooks}/views/layout.html`, `${__hooks}/views/hello.html`)
                                .render({ name: name, tags: ["a", "<b>"] })
                            return e.html(200, html)
                        })
                        routerAdd("GET", "/bad-template", (e) => {
                            return e.html(200, $template.loadString("{{if .x}}unclosed").render({}))
                        })
                        routerAdd("POST", "/upload", (e) => {
                            const data = new DynamicModel({ title: "", count: 0, draft: false })
                            e.bindBody(data)
                            const files = e.findUploadedFiles("docs")
                            const [first, header] = e.request.formFile("docs")
                            const f = $filesystem.fileFromMultipart(header)
                            return e.json(200, { data, names: files.map((x) => x.originalName()), sizes: files.map((x) => x.size()),
                                first: f.originalName(), same: first.originalName() === f.originalName() })
                        })
                        routerAdd("GET", "/cmd", (e) => {
                            const out = toString($os.cmd("echo", "hello", "$HOME; rm -rf /").output())
                            const cmd = $os.cmd("sh", "-c", "echo out; echo err 1>&2; pwd")
                            cmd.dir = __hooks
                            const combined = toString(cmd.combinedOutput())
                            let failure = ""
                            try {
                                $os.exec("sh", "-c", "exit 3").run()
                            } catch (err) {
                                failure = String(err)
                            }
                            return e.json(200, { out, combined, failure })
                        })
                        onServe((e) => {
                            e.router.get("/served/{id}", (re) => re.json(200, { id: re.request.pathValue("id"), from: "onServe" }))
                            e.next()
                        })
                        """), false, 2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loadFilesRendersTheLayoutWithThePagesBlocks() {
        var r = server.get("/hello/%3Cscript%3E");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("<html><head><title>Page 1</title></head>\n<body><p>Hello from &lt;script&gt;</p>\n"
                + "<ul><li class=\"first\">a</li><li class=\"rest\">&lt;b&gt;</li></ul></body></html>");
        var bad = server.get("/bad-template");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void multipartBodiesBindAndTheirFilesAreFound() throws Exception {
        String boundary = "----pb4jjs";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nhello\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"count\"\r\n\r\n42\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"draft\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"ignored\"\r\n\r\nx\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"docs\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nabc\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"docs\"; filename=\"b.txt\"\r\nContent-Type: text/plain\r\n\r\nhello!\r\n"
                + "--" + boundary + "--\r\n";
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.base + "/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"data\":{\"title\":\"hello\",\"count\":42,\"draft\":true},\"names\":[\"a.txt\",\"b.txt\"],"
                + "\"sizes\":[3,6],\"first\":\"a.txt\",\"same\":true}");
    }

    @Test
    void osCmdRunsProgramsWithoutAShell() throws IOException {
        var r = server.get("/cmd");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String hooks = server.hooks.toRealPath().toString();
        assertThat(r.body()).startsWith("{\"out\":\"hello $HOME; rm -rf /\\n\",\"combined\":\"out\\nerr\\n" + hooks + "\\n\","
                + "\"failure\":\"").endsWith("exit status 3\"}");
    }

    @Test
    void routesAddedInOnServeAnswer() {
        for (int i = 0; i < 4; i++) {
            var r = server.get("/served/" + i);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"id\":\"" + i + "\",\"from\":\"onServe\"}");
        }
    }
}
