package io.pb4j.js;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.Collection;
import io.pb4j.core.field.TextField;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The official {@code pocketbase} npm SDK ({@code compat/js/js-hooks.test.mjs}) against a server with JS hooks: it
 * sees what the hooks do. Needs node and {@code compat/node_modules} ({@code npm ci} in {@code compat/}, which it
 * runs when missing).
 */
class JsSdkCompatibilityTest {
    @Test
    void sdkSeesWhatTheHooksDo() throws Exception {
        Path compat = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "..")).resolve("compat").toAbsolutePath().normalize();
        if (!Files.isDirectory(compat)) {
            compat = Path.of("..", "compat").toAbsolutePath().normalize();
        }
        if (!Files.isDirectory(compat.resolve("node_modules").resolve("pocketbase"))) {
            assertThat(run(compat, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of())).isZero();
        }
        try (JsTestServer server = JsTestServer.start(Map.of("sdk.pb.js", """
                routerAdd("GET", "/api/js/hello/{name}", (e) => {
                    return e.json(200, { message: e.request.url.query().get("greeting") + " " + e.request.pathValue("name") })
                })
                routerAdd("GET", "/api/js/me", (e) => e.json(200, { id: e.auth.id }), $apis.requireAuth())
                onRecordCreate((e) => {
                    if (e.record.getString("title") === "reject me") {
                        throw new BadRequestError("Rejected by a hook.", { title: { code: "js_rejected", message: "No." } })
                    }
                    e.record.set("title", e.record.getString("title").toUpperCase())
                    e.next()
                }, "notes")
                routerAdd("POST", "/api/js/upload", (e) => {
                    const data = new DynamicModel({ caption: "", n: 0 })
                    e.bindBody(data)
                    const files = e.findUploadedFiles("doc").map((f) => ({ name: f.originalName(), size: f.size() }))
                    return e.json(200, { caption: data.caption, n: data.n, files })
                })
                routerAdd("GET", "/api/js/notes", (e) => {
                    const rows = arrayOf(new DynamicModel({ title: "" }))
                    $app.db().select("title").from("notes").where($dbx.like("title", e.request.url.query().get("q")))
                        .orderBy("title ASC").all(rows)
                    return e.json(200, { html: $template.loadString("<ul>{{range .}}<li>{{.title}}</li>{{else}}<li>none</li>{{end}}</ul>").render(rows) })
                })
                """), false, 2)) {
            server.app.save(Collection.builder().name("notes").type(Collection.BASE).listRule("").viewRule("").createRule("")
                    .fields(List.of(TextField.primaryKeyField(), TextField.builder("title").build())).build());
            int code = run(compat, List.of("node", "--test", "js/js-hooks.test.mjs"), Map.of("PB_URL", server.base,
                    "PB_SUPERUSER_EMAIL", JsTestServer.SUPERUSER_EMAIL, "PB_SUPERUSER_PASSWORD", JsTestServer.SUPERUSER_PASSWORD,
                    "NO_COLOR", "1"));
            assertThat(code).as("node --test js/js-hooks.test.mjs (output above)").isZero();
        }
    }

    private static int run(Path dir, List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = Thread.ofPlatform().daemon().start(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (java.io.IOException ex) {
                // the process ended
            }
        });
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        pump.join(5000);
        int code = p.exitValue();
        if (code != 0) {
            System.out.println(out.toString(StandardCharsets.UTF_8));
        }
        return code;
    }
}
